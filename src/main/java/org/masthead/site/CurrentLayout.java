package org.masthead.site;

import org.masthead.content.Publication;
import org.masthead.content.SiteLayout;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The layout around reader pages as one response sees it: taken from {@link SiteLayout} once per request, so
 * every part of a page (title, header, navigation, footer, dates, structured data) shows the same settings,
 * and a change made on any node shows on the next page rendered anywhere.
 */
@Component
public class CurrentLayout {

    private static final String ATTRIBUTE = CurrentLayout.class.getName();

    private final SiteLayout layouts;

    CurrentLayout(SiteLayout layouts) {
        this.layouts = layouts;
    }

    public SiteLayout.Layout get() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return layouts.current();
        }
        if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof SiteLayout.Layout known) {
            return known;
        }
        var current = layouts.current();
        request.setAttribute(ATTRIBUTE, current, RequestAttributes.SCOPE_REQUEST);
        return current;
    }

    /** The publication's settings of this response. */
    public Publication publication() {
        return get().publication();
    }
}
