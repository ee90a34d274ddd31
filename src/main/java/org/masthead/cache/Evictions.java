package org.masthead.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.masthead.content.ContentEvent;
import org.masthead.content.ContentEvent.MetadataChanged;
import org.masthead.content.ContentEvent.StoryDeleted;
import org.masthead.content.ContentEvent.StoryPublished;
import org.masthead.content.ContentEvent.StoryUnpublished;
import org.masthead.content.ContentEvent.VersionSaved;
import org.masthead.content.ContentEvent.VersionUnpublished;
import org.masthead.content.FrontPages;
import org.masthead.content.LiveEntry;
import org.masthead.content.LiveEvent;
import org.masthead.content.SiteEvent;
import org.masthead.content.SiteEvent.AuthorChanged;
import org.masthead.content.SiteEvent.BannerChanged;
import org.masthead.content.SiteEvent.FrontPageChanged;
import org.masthead.content.SiteEvent.PageChanged;
import org.masthead.content.SiteEvent.PublicationChanged;
import org.masthead.content.SiteEvent.SectionChanged;
import org.masthead.content.SiteEvent.TagChanged;
import org.masthead.content.SiteEvent.TagsMerged;
import org.masthead.content.Stories;
import org.masthead.content.StoryFiling;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.platform.Language;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.stereotype.Component;

/**
 * What a change makes stale: for each content, site or live event, the surrogate keys of exactly the pages it
 * changes, and in which languages: the story's own pages and every page that lists it (its section, tags and
 * authors, the home page, feeds, sitemaps and API lists), in the languages concerned; and for a section, tag,
 * author, static page or the publication's settings, the pages that show it (see {@link SurrogateKeys}). The page
 * cache of the nodes ({@link PageCacheInvalidator}) and the cache in front of them ({@link FrontCachePurger}) drop
 * what this says.
 */
@Component
class Evictions {

    /** Receives the evictions of one event. */
    @FunctionalInterface
    interface Sink {

        /** Pages tagged with any of {@code keys}, in {@code languages} (every language when empty). */
        void evict(Collection<String> keys, Set<Language> languages);

        default void evict(Collection<String> keys) {
            evict(keys, Set.of());
        }
    }

    private static final Set<String> CONTENT_EVENTS = OutboxEvent.typesOf(ContentEvent.class);
    private static final Set<String> SITE_EVENTS = OutboxEvent.typesOf(SiteEvent.class);
    private static final Set<String> LIVE_EVENTS = OutboxEvent.typesOf(LiveEvent.class);
    static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.class, SiteEvent.class, LiveEvent.class);
    /** Pages that list every newly published story, whatever its section. */
    private static final Set<String> EVERY_STORY = Set.of("home", "feed", "sitemap", "api");
    /**
     * What links to a section's stories without carrying the section's key: once the section's slug moves,
     * every story address in it changes (feeds and API responses carry the keys of the sections they name).
     */
    private static final Set<String> ADDRESSES = Set.of("sitemap");

    private final Stories stories;
    private final FrontPages fronts;

    Evictions(Stories stories, FrontPages fronts) {
        this.stories = stories;
        this.fronts = fronts;
    }

    /** Hands {@code sink} what {@code event} makes stale; nothing for a draft save. */
    void of(OutboxEvent event, Sink sink) {
        if (CONTENT_EVENTS.contains(event.type())) {
            story(event.payload(ContentEvent.class), sink);
        } else if (SITE_EVENTS.contains(event.type())) {
            site(event.payload(SiteEvent.class), sink);
        } else if (LIVE_EVENTS.contains(event.type())) {
            live(event.payload(LiveEvent.class), sink);
        }
    }

    private void story(ContentEvent event, Sink sink) {
        switch (event) {
            // a draft save: readers see the published revision, which has not changed
            case VersionSaved saved -> { }
            case StoryPublished published -> {
                sink.evict(affected(published.storyId()), published.languages());
                // a page in another language may link to the version that changed (a fallback link)
                sink.evict(Set.of(SurrogateKeys.linksTo(published.storyId())), Set.of());
            }
            case StoryUnpublished unpublished -> sink.evict(affected(unpublished.storyId()), Set.of());
            // the other languages' pages link to the withdrawn version: every language
            case VersionUnpublished withdrawn -> sink.evict(affected(withdrawn.storyId()), Set.of());
            // its filing is gone with it, but every list showing it carries its story key
            case StoryDeleted deleted -> sink.evict(affected(deleted.storyId()), Set.of());
            // the lists of its old section, tags and authors drop it, the new ones gain it
            case MetadataChanged changed -> {
                if (changed.live()) {
                    var keys = affected(changed.storyId());
                    keys.addAll(filed(changed.before()));
                    sink.evict(keys, Set.of());
                }
            }
        }
    }

    private void site(SiteEvent event, Sink sink) {
        switch (event) {
            case SectionChanged section -> sink.evict(keys(Stream.of(SurrogateKeys.LAYOUT,
                    SurrogateKeys.section(section.sectionId()), "sections"),
                    section.moved() || section.change() == SiteEvent.Change.DELETED));
            // story pages, lists and feeds that name the tag carry its key (search facets and suggestions
            // follow once the index has the new name)
            case TagChanged tag -> sink.evict(keys(Stream.of(SurrogateKeys.tag(tag.tagId()), "tags"), false));
            case TagsMerged merged -> sink.evict(keys(Stream.of(SurrogateKeys.tag(merged.fromId()),
                    SurrogateKeys.tag(merged.intoId()), "tags"), false));
            case AuthorChanged author -> sink.evict(keys(Stream.of(SurrogateKeys.author(author.authorId()), "authors"),
                    false));
            case PageChanged page -> {
                if (page.everyPage()) {
                    sink.evict(Set.of(SurrogateKeys.page(page.pageId()), SurrogateKeys.LAYOUT, "sitemap", "pages"));
                } else {
                    sink.evict(Set.of(SurrogateKeys.page(page.pageId()), "pages"), page.languages());
                }
            }
            // the publication's name is in every title, feed and structured data block
            case PublicationChanged publication -> sink.evict(Set.of(SurrogateKeys.EVERYTHING));
            // only the page of that front in that language shows the arrangement
            case FrontPageChanged front -> evictFront(new FrontPages.Front(front.language(), front.sectionId()), sink);
            // every reader page of that language carries the banner, and its key
            case BannerChanged banner -> sink.evict(Set.of(SurrogateKeys.BANNER), Set.of(banner.language()));
        }
    }

    /**
     * An entry or the state of a live blog changes the live blog's own pages (and its feed of entries), in every
     * language (an entry may show in the others with a note), and the fronts (home or section pages) where the
     * live blog is in a place: nothing else, however often entries come. A translation changes those pages in its
     * language only.
     */
    private void live(LiveEvent event, Sink sink) {
        if (event instanceof LiveEvent.EntryChanged changed && changed.kind() == LiveEntry.Change.TRANSLATED) {
            sink.evict(Set.of(SurrogateKeys.live(event.storyId(), changed.language())), Set.of(changed.language()));
            fronts.featuring(event.storyId()).stream().filter(front -> front.language() == changed.language())
                    .forEach(front -> evictFront(front, sink));
            return;
        }
        sink.evict(Set.of(SurrogateKeys.live(event.storyId())));
        fronts.featuring(event.storyId()).forEach(front -> evictFront(front, sink));
    }

    private static void evictFront(FrontPages.Front front, Sink sink) {
        sink.evict(Set.of(SurrogateKeys.front(front.sectionId())), Set.of(front.language()));
    }

    private static Set<String> keys(Stream<String> own, boolean addressesMoved) {
        var keys = own.collect(Collectors.toCollection(LinkedHashSet::new));
        if (addressesMoved) {
            keys.addAll(ADDRESSES);
        }
        return keys;
    }

    private Set<String> affected(long storyId) {
        var keys = new LinkedHashSet<String>();
        keys.add(SurrogateKeys.story(storyId));
        keys.add(SurrogateKeys.linksTo(storyId));
        stories.filing(storyId).ifPresent(filing -> keys.addAll(filed(filing)));
        keys.addAll(EVERY_STORY);
        return keys;
    }

    private static Set<String> filed(StoryFiling filing) {
        var keys = new LinkedHashSet<String>();
        keys.add(SurrogateKeys.section(filing.sectionId()));
        filing.tagIds().forEach(tag -> keys.add(SurrogateKeys.tag(tag)));
        filing.authorIds().forEach(author -> keys.add(SurrogateKeys.author(author)));
        return keys;
    }
}
