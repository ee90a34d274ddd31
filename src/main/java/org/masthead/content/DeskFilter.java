package org.masthead.content;

import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * Which stories the newsroom list shows, whatever their status. {@code text} matches any version's
 * headline; {@code language} keeps stories that have a version in that language.
 */
public record DeskFilter(@Nullable StoryStatus status, @Nullable Language language, @Nullable Long sectionId,
        @Nullable Long authorId, @Nullable String createdBy, @Nullable String text, Sort sort) {

    public enum Sort { CREATED, SAVED, HEADLINE, STATUS }
}
