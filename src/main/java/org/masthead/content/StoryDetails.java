package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * A story as the newsroom sees it, whatever its status: identity, who opened it, its schedule, and
 * for each written language version the latest and the published revision numbers.
 */
public record StoryDetails(long id, StoryStatus status, long sectionId, Language sourceLanguage, List<Long> authorIds,
        List<Long> tagIds, @Nullable Long leadImageId, String createdBy, Instant createdAt,
        @Nullable Instant scheduledAt, @Nullable Instant firstPublishedAt, Map<Language, Integer> revisions,
        Map<Language, Integer> publishedRevisions) {
}
