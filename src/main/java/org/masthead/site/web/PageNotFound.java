package org.masthead.site.web;

import org.masthead.platform.Language;

/** The reader asked for something that is not there (404) or no longer there (410). */
class PageNotFound extends RuntimeException {

    private final Language language;
    private final boolean gone;

    private PageNotFound(Language language, boolean gone) {
        super(null, null, false, false);   // an expected outcome: no stack trace to fill
        this.language = language;
        this.gone = gone;
    }

    static PageNotFound in(Language language) {
        return new PageNotFound(language, false);
    }

    static PageNotFound gone(Language language) {
        return new PageNotFound(language, true);
    }

    Language language() {
        return language;
    }

    boolean isGone() {
        return gone;
    }
}
