package org.masthead.site;

import org.masthead.content.Publication;
import org.masthead.content.PublicationSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The publication's settings as one response sees them: read from the database once per request, so that
 * every part of a page (title, header, footer, dates, structured data) shows the same settings, and a
 * change made on any node shows on the next page rendered anywhere.
 */
@Component
public class CurrentPublication {

    private static final String ATTRIBUTE = CurrentPublication.class.getName();

    private final PublicationSettings settings;

    CurrentPublication(PublicationSettings settings) {
        this.settings = settings;
    }

    public Publication get() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return settings.current();
        }
        if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Publication known) {
            return known;
        }
        var current = settings.current();
        request.setAttribute(ATTRIBUTE, current, RequestAttributes.SCOPE_REQUEST);
        return current;
    }
}
