package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.masthead.platform.Language;

/** What the content module tells the rest of Masthead, through the outbox, about live blogs and their entries. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(LiveEvent.EntryChanged.class),
        @JsonSubTypes.Type(LiveEvent.LiveBlogChanged.class)
})
public sealed interface LiveEvent {

    long storyId();

    /**
     * An entry was posted, corrected, withdrawn or translated; {@code changeId} is its place in the live blog's event
     * stream. {@code language} is the entry's own, or for a translation the language translated into: only that
     * language's pages change.
     */
    record EntryChanged(long storyId, long entryId, long changeId, LiveEntry.Change kind, Language language)
            implements LiveEvent {
    }

    /** A story became a live blog, or its state (live, paused, ended) or its setting for untranslated entries changed. */
    record LiveBlogChanged(long storyId, LiveBlog.State state) implements LiveEvent {
    }
}
