package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * What the content module tells the rest of Masthead, through the outbox, about everything readers see
 * besides the stories themselves: sections, tags, authors, static pages and the publication's settings.
 * Each is appended in the transaction of the change it describes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(SiteEvent.SectionChanged.class),
        @JsonSubTypes.Type(SiteEvent.TagChanged.class),
        @JsonSubTypes.Type(SiteEvent.TagsMerged.class),
        @JsonSubTypes.Type(SiteEvent.AuthorChanged.class),
        @JsonSubTypes.Type(SiteEvent.PageChanged.class),
        @JsonSubTypes.Type(SiteEvent.PublicationChanged.class),
        @JsonSubTypes.Type(SiteEvent.FrontPageChanged.class),
        @JsonSubTypes.Type(SiteEvent.BannerChanged.class)
})
public sealed interface SiteEvent {

    enum Change { CREATED, UPDATED, DELETED }

    /**
     * A section was created, changed (names, texts, place in the navigation, slug) or deleted.
     * {@code previousSlug} differs from {@code slug} when its address moved.
     */
    record SectionChanged(long sectionId, Change change, String slug, String previousSlug) implements SiteEvent {

        public boolean moved() {
            return !slug.equals(previousSlug);
        }
    }

    /**
     * A tag was created, renamed, described or deleted. {@code renamed}: its slug or a name changed (what the
     * search index holds); {@code storyIds} names the stories that carried a deleted tag (after the change
     * nothing else can tell), and is empty otherwise.
     */
    record TagChanged(long tagId, Change change, String slug, String previousSlug, boolean renamed, List<Long> storyIds)
            implements SiteEvent {

        public boolean moved() {
            return !slug.equals(previousSlug);
        }
    }

    /** Tag {@code fromId} was merged into {@code intoId}; {@code storyIds} are the stories that carried it. */
    record TagsMerged(long fromId, String fromSlug, long intoId, String intoSlug, List<Long> storyIds)
            implements SiteEvent {
    }

    /** {@code renamed}: its slug or a name changed (what the search index holds). */
    record AuthorChanged(long authorId, Change change, String slug, String previousSlug, boolean renamed)
            implements SiteEvent {

        public boolean moved() {
            return !slug.equals(previousSlug);
        }
    }

    /**
     * A static page was created, changed or deleted in {@code languages}. {@code everyPage} is true when
     * the change shows outside the page itself: its title, address or visibility in the footer of every
     * reader page, or its place in the publisher's structured data.
     */
    record PageChanged(long pageId, Change change, Set<Language> languages, boolean everyPage) implements SiteEvent {
    }

    /** The publication's settings changed: its name, logo, default language, time zone or social profiles. */
    record PublicationChanged(String by) implements SiteEvent {
    }

    /**
     * An edited front of {@code language} changed: its home page ({@code sectionId} null, as in every event
     * written before sections had fronts) or one section's page; published by {@code by}, or a pin ran out
     * ("expiry").
     */
    record FrontPageChanged(Language language, @Nullable Long sectionId, String by) implements SiteEvent {
    }

    /** {@code language}'s breaking-news banner was set, cleared or ran out ("expiry"): every page of it shows it. */
    record BannerChanged(Language language, String by) implements SiteEvent {
    }
}
