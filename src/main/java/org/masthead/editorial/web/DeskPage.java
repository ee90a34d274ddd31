package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** The story list with its filters as chosen, one page of rows, and links to the other pages. */
public record DeskPage(NewsroomChrome chrome, Filters filters, List<Option> statuses, List<Option> languages,
        List<Option> sections, List<Option> authors, List<Option> sorts, List<Row> rows, int total,
        String previous, String next, boolean mayOpen, Checklist.@Nullable Shown checklist) {

    public record Filters(String status, String language, String section, String author, String q, String sort) {
    }

    public record Option(String value, String label) {
    }

    /** {@code behind}: the labels of the versions whose translation needs an update, or empty. */
    public record Row(long id, String headline, String languages, String behind, String status, String statusLabel,
            String section, String createdBy, String saved, String scheduled) {
    }
}
