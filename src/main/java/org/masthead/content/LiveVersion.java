package org.masthead.content;

import java.time.Instant;
import org.masthead.platform.Language;

/**
 * One language version readers can open, as an index of addresses needs it (sitemaps): where it
 * lives, when it went live and when it last changed. {@code storyFirstPublishedAt} is the story's
 * first publication in any language, so that all versions of a story can be listed together.
 */
public record LiveVersion(long storyId, Language language, String sectionSlug, String slug, String headline,
        Instant publishedAt, Instant updatedAt, Instant storyFirstPublishedAt) {

    /** When a live story first went live and when any of its live versions last changed. */
    public record StoryDates(Instant firstPublishedAt, Instant lastUpdatedAt) {
    }
}
