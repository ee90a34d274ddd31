package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomPages;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class SignInController {

    /** Must match the attribute the security configuration's failure handler writes. */
    private static final String LAST_USERNAME = "masthead.login.username";
    /** Must match the attribute the sign-in throttle sets. */
    private static final String WAIT_SECONDS = "masthead.login.wait";

    private final NewsroomPages pages;

    SignInController(NewsroomPages pages) {
        this.pages = pages;
    }

    @GetMapping("/newsroom/login")
    ModelAndView signIn(HttpServletRequest request, @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String signedOut) {
        var language = lang == null ? Language.UK : Language.fromCode(lang).orElse(Language.UK);
        var session = request.getSession(false);
        var username = session == null ? null : (String) session.getAttribute(LAST_USERNAME);
        // set by the sign-in throttle when a try was refused unchecked; the answer is the same for every name
        boolean waiting = request.getAttribute(WAIT_SECONDS) != null;
        String problem = waiting ? "newsroom.login.wait" : error != null ? "newsroom.login.error" : null;
        var view = new ModelAndView("newsroom/identity/login", "page", new SignInPage(
                pages.signedOut(request, language, "newsroom.login.title"), username == null ? "" : username,
                problem, signedOut != null));
        if (waiting) {
            view.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        }
        return view;
    }

    @GetMapping("/newsroom")
    RedirectView desk() {
        return new RedirectView("/newsroom/stories");
    }
}
