package org.masthead.translation;

import java.time.Instant;
import org.masthead.content.StoryStatus;
import org.masthead.platform.Language;

/** Work for a translator: a language a story lacks, or a version behind its source by {@code behind} items. */
public record QueueEntry(long storyId, String headline, StoryStatus status, Language source, Language target,
        Kind kind, int behind, Instant createdAt) {

    public enum Kind { MISSING, NEEDS_UPDATE }
}
