package org.masthead.content;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** One line of the newsroom story list: headlines of the versions that exist, status and times. */
public record DeskRow(long id, StoryStatus status, Section section, Map<Language, String> headlines,
        String createdBy, Instant createdAt, Instant lastSavedAt, @Nullable Instant scheduledAt) {
}
