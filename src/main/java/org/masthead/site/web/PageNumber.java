package org.masthead.site.web;

import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** Reads {@code ?page=}: absent is page 1; anything but a sensible positive number is a 404. */
final class PageNumber {

    /** No list of ours has a million pages; longer numbers are probes, not readers. */
    private static final int MAX_DIGITS = 6;

    private PageNumber() {
    }

    static int parse(@Nullable String page, Language language) {
        if (page == null) {
            return 1;
        }
        if (page.isEmpty() || page.length() > MAX_DIGITS || !page.chars().allMatch(Character::isDigit)) {
            throw PageNotFound.in(language);
        }
        int number = Integer.parseInt(page);
        if (number < 1) {
            throw PageNotFound.in(language);
        }
        return number;
    }
}
