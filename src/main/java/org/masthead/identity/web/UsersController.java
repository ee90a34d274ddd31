package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.AccountRejected;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewAccount;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Admins open, disable and re-role accounts and reset passwords. Everything here is audited. */
@Controller
class UsersController {

    private static final UsersPage.Form EMPTY = new UsersPage.Form("", "", Set.of(Role.CONTRIBUTOR), "uk");

    private final Accounts accounts;
    private final NewsroomPages pages;

    UsersController(Accounts accounts, NewsroomPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/newsroom/admin/users")
    ModelAndView users(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin) {
        return page(request, admin, EMPTY, Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/admin/users")
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(defaultValue = "uk") String language) {
        var chosen = roles(roles);
        var form = new UsersPage.Form(username, displayName, chosen, language);
        try {
            var created = accounts.create(new NewAccount(username, displayName, chosen,
                    Language.fromCode(language).orElse(Language.UK)), admin.username());
            return page(request, admin, EMPTY, Map.of(),
                    new UsersPage.Shown(created.account().username(), created.password()), HttpStatus.OK);
        } catch (AccountRejected e) {
            return rejected(request, admin, form, e);
        }
    }

    @PostMapping("/newsroom/admin/users/{id:\\d{1,18}}/roles")
    ModelAndView roles(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin, @PathVariable long id,
            @RequestParam(required = false) @Nullable List<String> roles) {
        try {
            accounts.setRoles(id, roles(roles), admin.username());
            return new ModelAndView(new RedirectView("/newsroom/admin/users"));
        } catch (AccountRejected e) {
            return rejected(request, admin, EMPTY, e);
        }
    }

    @PostMapping("/newsroom/admin/users/{id:\\d{1,18}}/enabled")
    ModelAndView enabled(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin, @PathVariable long id,
            @RequestParam boolean enabled) {
        try {
            accounts.setEnabled(id, enabled, admin.username());
            return new ModelAndView(new RedirectView("/newsroom/admin/users"));
        } catch (AccountRejected e) {
            return rejected(request, admin, EMPTY, e);
        }
    }

    @PostMapping("/newsroom/admin/users/{id:\\d{1,18}}/password")
    ModelAndView resetPassword(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin,
            @PathVariable long id) {
        try {
            var password = accounts.resetPassword(id, admin.username());
            var username = accounts.find(id).orElseThrow().username();
            return page(request, admin, EMPTY, Map.of(), new UsersPage.Shown(username, password), HttpStatus.OK);
        } catch (AccountRejected e) {
            return rejected(request, admin, EMPTY, e);
        }
    }

    private ModelAndView rejected(HttpServletRequest request, NewsroomUser admin, UsersPage.Form form,
            AccountRejected e) {
        var message = pages.messages(admin.uiLanguage()).get(e.messageKey());
        return page(request, admin, form, Map.of(e.field(), message), null, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser admin, UsersPage.Form form,
            Map<String, String> errors, UsersPage.@Nullable Shown shown, HttpStatus status) {
        var now = Instant.now();
        var rows = accounts.all().stream().map(a -> new UsersPage.Row(a.id(), a.username(), a.displayName(),
                a.roles(), a.enabled(), a.signInsDelayedUntil() != null && a.signInsDelayedUntil().isAfter(now),
                pages.time(a.createdAt()), a.username().equals(admin.username()))).toList();
        var view = new ModelAndView("newsroom/identity/users", "page", new UsersPage(
                pages.chrome(request, admin, "newsroom.users.title", "users"), rows, List.of(Role.values()), form,
                errors, shown));
        view.setStatus(status);
        return view;
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (var name : names) {
                for (var role : Role.values()) {
                    if (role.key().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
