package org.masthead.content;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * A story at a glance for newsroom lists: its status, source language, the latest revision of each
 * language version that exists, and the headline of its source version (or of any version).
 */
public record StoryOutline(long storyId, StoryStatus status, Language sourceLanguage,
        Map<Language, Integer> revisions, String headline, Instant createdAt, @Nullable Instant firstPublishedAt) {
}
