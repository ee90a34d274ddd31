package org.masthead.search;

import org.jspecify.annotations.Nullable;

/**
 * A completion of what the reader is typing: a headline (with the story to open), a tag (with its slug),
 * or a person's name (searched for when chosen).
 */
public record Suggestion(Kind kind, String text, @Nullable StoryLink story, @Nullable String tagSlug) {

    public enum Kind { HEADLINE, TAG, NAME }

    public record StoryLink(long id, String sectionSlug, String slug) {
    }
}
