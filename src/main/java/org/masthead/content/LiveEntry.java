package org.masthead.content;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * One entry of a live blog, written in {@code language} under the byline {@code author}. A corrected entry
 * carries the time of its correction; a withdrawn one keeps its place as a note that it was withdrawn.
 */
public record LiveEntry(long id, long storyId, Language language, Instant postedAt, String author, String headline,
        List<Block> body, boolean keyEvent, boolean withdrawn, @Nullable Instant correctedAt, String postedBy) {

    public enum Change {
        POSTED, CORRECTED, WITHDRAWN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An entry as it comes in, from the newsroom's composer or the admin API. */
    public record Draft(Language language, String author, String headline, List<Block> body, boolean keyEvent) {
    }

    /** One change in a live blog's event stream. */
    public record Changed(long changeId, Change kind, LiveEntry entry) {
    }

    /** A page of entries, newest first; {@code olderThan} is the id to ask for the page after, or null at the end. */
    public record Page(List<LiveEntry> entries, @Nullable Long olderThan) {
    }
}
