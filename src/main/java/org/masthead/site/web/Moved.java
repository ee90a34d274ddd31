package org.masthead.site.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** A permanent redirect to where a reader page lives now. */
final class Moved {

    private Moved() {
    }

    static ModelAndView to(String path) {
        var redirect = new RedirectView(path);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setPropagateQueryParams(false);
        return new ModelAndView(redirect);
    }
}
