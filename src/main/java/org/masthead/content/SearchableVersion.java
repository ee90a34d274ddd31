package org.masthead.content;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * One revision of a language version as a search index needs it. A version contributes its published
 * revision ({@code live}) and its latest revision ({@code latest}); when they are the same revision it
 * comes once with both flags, so readers find what is published and the newsroom finds the working copy.
 */
public record SearchableVersion(long storyId, Language language, int revision, boolean live, boolean latest,
        StoryStatus status, Section section, List<Tag> tags, List<Author> authors, String slug, String headline,
        String standfirst, List<Block> body, @Nullable Instant publishedAt, Instant savedAt) {
}
