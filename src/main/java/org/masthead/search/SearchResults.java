package org.masthead.search;

import java.time.Instant;
import java.util.List;
import org.masthead.platform.Language;

/** One page of results, the total number of matches and, when asked for, facet counts over all matches. */
public record SearchResults(long total, List<Hit> hits, Facets facets) {

    public static final SearchResults NONE = new SearchResults(0, List.of(), Facets.NONE);

    /** A matching version with what a result line shows; links are built from the slugs and the id. */
    public record Hit(long storyId, Language language, String sectionSlug, String slug, Highlighted headline,
            Highlighted snippet, Instant date, String status, boolean live) {
    }

    /** Counts of matches by section slug, tag slug and month ("2026-11"), largest first. */
    public record Facets(List<FacetCount> sections, List<FacetCount> tags, List<FacetCount> months) {

        public static final Facets NONE = new Facets(List.of(), List.of(), List.of());
    }

    public record FacetCount(String value, long count) {
    }
}
