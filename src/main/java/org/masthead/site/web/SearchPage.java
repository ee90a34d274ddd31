package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.web.Pagination;
import org.masthead.search.Highlighted;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Link;

/**
 * The search page: the form, what was found, facets to narrow it and the ways to go on when nothing was.
 * {@code outcome} picks the message: no query yet, nothing found, or results.
 */
public record SearchPage(Chrome chrome, String query, Outcome outcome, String summary, @Nullable String notice,
        List<Choice> orders, List<Result> results, List<FacetGroup> facets, List<Link> removeFilters,
        Pagination pagination) {

    public enum Outcome { NO_QUERY, NOTHING_FOUND, RESULTS }

    public record Result(String url, Highlighted headline, Highlighted snippet, NewsDates.Shown date, Link section) {
    }

    public record FacetGroup(String id, String title, List<Choice> choices) {
    }

    /** A link that narrows or re-sorts the results; {@code selected} marks the one in force. */
    public record Choice(String text, long count, String url, boolean selected) {
    }
}
