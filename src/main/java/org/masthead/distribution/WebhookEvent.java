package org.masthead.distribution;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook can subscribe to, by the names receivers see in payloads. */
public enum WebhookEvent {
    /** A story became visible to readers (first publication, or again after being unpublished). */
    PUBLISHED("story.published"),
    /** A story readers can open was published again with changed text. */
    UPDATED("story.updated"),
    /**
     * A story was taken off the site, or only one language version of it when the payload names a
     * {@code language}; the pages taken off answer 410 Gone.
     */
    UNPUBLISHED("story.unpublished"),
    /** A story was deleted for good. */
    DELETED("story.deleted"),
    /**
     * A section was created, changed (names, texts, place in the navigation, slug: {@code data.previousSlug})
     * or deleted ({@code data.change}).
     */
    SECTION_CHANGED("section.changed"),
    /** A tag was created, renamed or described, or deleted ({@code data.change}). */
    TAG_CHANGED("tag.changed"),
    /** A tag was merged into another: {@code data.from} leads to {@code data.into} from now on. */
    TAG_MERGED("tag.merged"),
    /** An author profile was created, changed or deleted ({@code data.change}). */
    AUTHOR_CHANGED("author.changed"),
    /** A static page was created, changed or deleted in some languages ({@code data.change}). */
    PAGE_CHANGED("page.changed"),
    /**
     * An entry of a live blog was posted, corrected or withdrawn ({@code data.change}): {@code data.storyId},
     * {@code data.entryId}, its language, headline, time and address.
     */
    LIVE_ENTRY("liveblog.entry");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
