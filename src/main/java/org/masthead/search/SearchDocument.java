package org.masthead.search;

import java.time.Instant;
import java.util.List;
import org.masthead.platform.Language;

/**
 * One revision of a language version as an index stores it: plain text only, with what results show and
 * facets count. {@code live}: the revision readers see; {@code latest}: the newsroom's working copy.
 * {@code date} is the publication time, or the last save for a version never published.
 */
public record SearchDocument(long storyId, Language language, int revision, boolean live, boolean latest,
        String status, String sectionSlug, List<NamedSlug> tags, List<NamedSlug> authors, List<String> speakers,
        String slug, String headline, String standfirst, String text, Instant date) {

    /** A tag or an author: its slug for links and filters, its name in the document's language. */
    public record NamedSlug(String slug, String name) {
    }
}
