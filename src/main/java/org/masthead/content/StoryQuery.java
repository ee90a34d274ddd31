package org.masthead.content;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * Published versions for machines, newest change first: every filter is optional, {@code after}
 * continues a listing after the last version of the previous page (stable even while stories change,
 * unlike an offset).
 */
public record StoryQuery(@Nullable Language language, @Nullable Long sectionId, @Nullable Long tagId,
        @Nullable Long authorId, @Nullable Instant updatedSince, @Nullable Position after, int limit) {

    /** Where a listing stopped: the sort key of its last version. */
    public record Position(Instant updatedAt, long storyId, Language language) {
    }
}
