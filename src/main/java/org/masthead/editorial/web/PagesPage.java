package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** The static pages in footer order, each with its languages and their state. */
public record PagesPage(NewsroomChrome chrome, List<Row> pages, @Nullable String notice) {

    public record Row(long id, String title, List<Version> versions, boolean inFooter, String purpose, boolean first,
            boolean last) {
    }

    /** One language of a page: {@code state} is the message key of live, draft or missing. */
    public record Version(String code, String label, String state, @Nullable String url) {
    }
}
