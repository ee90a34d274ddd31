package org.masthead.content;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The language-independent fields of a story that the newsroom edits. */
public record StoryMetadata(long sectionId, List<Long> authorIds, List<Long> tagIds, @Nullable Long leadImageId) {
}
