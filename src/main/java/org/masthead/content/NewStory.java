package org.masthead.content;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** Opens a story: its identity, before any language version is written. */
public record NewStory(long sectionId, Language sourceLanguage, List<Long> authorIds, List<Long> tagIds,
        @Nullable Long leadImageId) {
}
