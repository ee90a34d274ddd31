package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.masthead.identity.AccountRejected;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The signed-in person's own account: password change and newsroom language. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final NewsroomPages pages;

    AccountController(Accounts accounts, NewsroomPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/newsroom/account")
    ModelAndView account(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) String changed) {
        return page(request, user, Map.of(), changed != null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/account/password")
    ModelAndView changePassword(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam String current, @RequestParam String next, @RequestParam String repeat) {
        try {
            if (!next.equals(repeat)) {
                throw new AccountRejected("repeat", "newsroom.password.error.repeat");
            }
            accounts.changePassword(user.username(), current, next);
            return new ModelAndView(new RedirectView("/newsroom/account?changed"));
        } catch (AccountRejected e) {
            var t = pages.messages(user.uiLanguage());
            return page(request, user, Map.of(e.field(), t.get(e.messageKey())), false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/newsroom/account/language")
    RedirectView language(@AuthenticationPrincipal NewsroomUser user, @RequestParam String language) {
        Language.fromCode(language).ifPresent(lang -> accounts.setLanguage(user.username(), lang));
        return new RedirectView("/newsroom/account");
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, Map<String, String> errors,
            boolean changed, HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var roles = user.roles().stream().sorted().map(r -> t.get("newsroom.role." + r.key())).toList();
        var view = new ModelAndView("newsroom/identity/account", "page", new AccountPage(
                pages.chrome(request, user, "newsroom.account.title", "account"), user.username(), roles,
                user.uiLanguage(), errors, changed));
        view.setStatus(status);
        return view;
    }
}
