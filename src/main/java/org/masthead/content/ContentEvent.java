package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Set;
import org.masthead.platform.Language;

/** What the content module tells the rest of Masthead through the outbox. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(ContentEvent.VersionSaved.class),
        @JsonSubTypes.Type(ContentEvent.StoryPublished.class),
        @JsonSubTypes.Type(ContentEvent.StoryUnpublished.class),
        @JsonSubTypes.Type(ContentEvent.StoryDeleted.class),
        @JsonSubTypes.Type(ContentEvent.VersionUnpublished.class),
        @JsonSubTypes.Type(ContentEvent.MetadataChanged.class)
})
public sealed interface ContentEvent {

    long storyId();

    record VersionSaved(long storyId, Language language, int revision) implements ContentEvent {
    }

    /**
     * Published for the first time or republished: {@code languages} are the versions now live;
     * {@code wasLive} tells an update of a story readers could already open from its (re)appearance.
     */
    record StoryPublished(long storyId, Set<Language> languages, boolean wasLive) implements ContentEvent {
    }

    record StoryUnpublished(long storyId) implements ContentEvent {
    }

    /** The story and all its versions and revisions are gone for good. */
    record StoryDeleted(long storyId) implements ContentEvent {
    }

    /** One language version was taken off the site; the others stay as they are. */
    record VersionUnpublished(long storyId, Language language) implements ContentEvent {
    }

    /**
     * The story's section, tags, authors or lead image changed. {@code before} is where it was filed
     * until now, so that the pages of its old section, tags and authors can be found; {@code live} tells
     * whether readers could open the story when it changed.
     */
    record MetadataChanged(long storyId, StoryFiling before, boolean leadImageChanged, boolean live)
            implements ContentEvent {
    }
}
