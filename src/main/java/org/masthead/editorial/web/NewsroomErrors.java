package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.EditConflict;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.NotAllowed;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refused actions answer 403 and missing stories, sections, tags, authors and pages 404, each with a
 * newsroom page that says so, for the editorial desk's pages and for the translation desk's pages, which
 * act on stories through the same workflow.
 */
@ControllerAdvice(basePackageClasses = NewsroomErrors.class, basePackages = "org.masthead.translation.web")
class NewsroomErrors {

    private final NewsroomPages pages;

    NewsroomErrors(NewsroomPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler({WorkflowRefused.class, NotAllowed.class})
    ModelAndView refused(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        return page(request, user, "newsroom.error.refused", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler({StoryNotFound.class, TaxonomyNotFound.class})
    ModelAndView missing(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        return page(request, user, "newsroom.error.missing", HttpStatus.NOT_FOUND);
    }

    /** A restore based on a stale revision: someone saved in between; the history page shows the newest. */
    @ExceptionHandler(EditConflict.class)
    ModelAndView conflict(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        return page(request, user, "newsroom.error.stale", HttpStatus.CONFLICT);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, String key, HttpStatus status) {
        var view = new ModelAndView("newsroom/message", "page", new MessagePage(pages.chrome(request, user, key, "stories"),
                pages.messages(user.uiLanguage()).get(key + ".text")));
        view.setStatus(status);
        return view;
    }
}
