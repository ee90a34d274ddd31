package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.AccessTokens;
import org.masthead.identity.IdentityProperties;
import org.masthead.identity.Role;
import org.masthead.identity.TokenScope;
import org.masthead.identity.AccountRejected;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomSessions;
import org.masthead.identity.NewsroomUser;
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

/** The signed-in person's own account: password change, newsroom language and personal access tokens. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final NewsroomPages pages;
    private final IdentityProperties properties;
    private final NewsroomSessions sessions;

    AccountController(Accounts accounts, AccessTokens tokens, NewsroomPages pages, IdentityProperties properties,
            NewsroomSessions sessions) {
        this.sessions = sessions;
        this.properties = properties;
        this.accounts = accounts;
        this.tokens = tokens;
        this.pages = pages;
    }

    @GetMapping("/newsroom/account")
    ModelAndView account(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) String changed) {
        return page(request, user, Map.of(), changed != null, HttpStatus.OK, TokenForm.EMPTY);
    }

    @PostMapping("/newsroom/account/password")
    ModelAndView changePassword(HttpServletRequest request, HttpServletResponse response,
            @AuthenticationPrincipal NewsroomUser user,
            @RequestParam String current, @RequestParam String next, @RequestParam String repeat) {
        try {
            if (!next.equals(repeat)) {
                throw new AccountRejected("repeat", "newsroom.password.error.repeat");
            }
            accounts.changePassword(user.username(), current, next);
            // every other session of the account has ended; this one goes on under a new id
            sessions.renew(request, response, user.username());
            return new ModelAndView(new RedirectView("/newsroom/account?changed"));
        } catch (AccountRejected e) {
            var t = pages.messages(user.uiLanguage());
            return page(request, user, Map.of(e.field(), t.get(e.messageKey())), false, HttpStatus.UNPROCESSABLE_CONTENT,
                    TokenForm.EMPTY);
        }
    }

    @PostMapping("/newsroom/account/language")
    RedirectView language(@AuthenticationPrincipal NewsroomUser user, @RequestParam String language) {
        Language.fromCode(language).ifPresent(lang -> accounts.setLanguage(user.username(), lang));
        return new RedirectView("/newsroom/account");
    }

    /** Makes a token and shows its secret on the page this once; it is not stored anywhere readable. */
    @PostMapping("/newsroom/account/tokens")
    ModelAndView createToken(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable List<String> scopes) {
        var chosen = EnumSet.noneOf(TokenScope.class);
        for (var scope : scopes == null ? List.<String>of() : scopes) {
            Arrays.stream(TokenScope.values()).filter(s -> s.key().equals(scope)).forEach(chosen::add);
        }
        var typed = new TokenForm(name.length() > 200 ? name.substring(0, 200) : name, chosen, null);
        try {
            var created = tokens.create(user, name, chosen);
            // the newsroom chain sends no-store, so the page with the secret stays in no cache
            return page(request, user, Map.of(), false, HttpStatus.OK,
                    new TokenForm("", EnumSet.noneOf(TokenScope.class), created.secret()));
        } catch (AccountRejected e) {
            var t = pages.messages(user.uiLanguage());
            return page(request, user, Map.of(e.field(), t.get(e.messageKey())), false, HttpStatus.UNPROCESSABLE_CONTENT,
                    typed);
        }
    }

    /** Revokes one of one's own tokens; an admin may revoke anyone's. */
    @PostMapping("/newsroom/account/tokens/{id:\\d{1,18}}/revoke")
    ModelAndView revokeToken(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        try {
            tokens.revoke(user, id);
            return new ModelAndView(new RedirectView("/newsroom/account"));
        } catch (AccountRejected e) {
            var t = pages.messages(user.uiLanguage());
            return page(request, user, Map.of(e.field(), t.get(e.messageKey())), false, HttpStatus.NOT_FOUND,
                    TokenForm.EMPTY);
        }
    }

    /** The token form as typed, and a just-made token's secret. */
    private record TokenForm(String name, Set<TokenScope> scopes, @Nullable String secret) {
        static final TokenForm EMPTY = new TokenForm("", EnumSet.noneOf(TokenScope.class), null);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, Map<String, String> errors,
            boolean changed, HttpStatus status, TokenForm tokenForm) {
        var t = pages.messages(user.uiLanguage());
        var roles = user.roles().stream().sorted().map(r -> t.get("newsroom.role." + r.key())).toList();
        var view = new ModelAndView("newsroom/identity/account", "page", new AccountPage(
                pages.chrome(request, user, "newsroom.account.title", "account"), user.username(), roles,
                user.uiLanguage(), errors, changed, tokens.of(user.id()),
                user.has(Role.ADMIN) ? tokens.active().stream().filter(token -> token.accountId() != user.id()).toList()
                        : List.of(),
                tokenForm.secret(), tokenForm.name(), tokenForm.scopes(), properties.timeZone()));
        view.setStatus(status);
        return view;
    }
}
