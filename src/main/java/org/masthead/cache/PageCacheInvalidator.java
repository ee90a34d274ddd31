package org.masthead.cache;

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
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.stereotype.Component;

/**
 * Turns content events into evictions of exactly the pages they change: the story's own pages and
 * every page that lists it (its section, tags and authors, the home page, feeds, sitemaps and API
 * lists), in the languages concerned; and for a section, tag, author, static page or the
 * publication's settings, the pages that show it (see {@link SurrogateKeys}).
 *
 * <p>One cursor serves the whole cluster: whichever node's relay takes an event evicts locally and
 * {@link PageCache#evict} tells the other nodes through the database. Nodes therefore need no cursor
 * of their own, and a node that starts later has nothing cached to evict.
 *
 * <p>Pages that show search results are left to {@link SearchPageInvalidator}, which drops them only once the
 * search index holds the change: dropped here, they could be rendered again from an index that has not seen
 * it yet and cached as they were.
 */
@Component
class PageCacheInvalidator implements OutboxConsumer {

    private static final Set<String> CONTENT_EVENTS = OutboxEvent.typesOf(ContentEvent.class);
    private static final Set<String> SITE_EVENTS = OutboxEvent.typesOf(SiteEvent.class);
    private static final Set<String> LIVE_EVENTS = OutboxEvent.typesOf(LiveEvent.class);
    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.class, SiteEvent.class, LiveEvent.class);
    /** Pages that list every newly published story, whatever its section. */
    private static final Set<String> EVERY_STORY = Set.of("home", "feed", "sitemap", "api");
    /**
     * What links to a section's stories without carrying the section's key: once the section's slug moves,
     * every story address in it changes (feeds and API responses carry the keys of the sections they name).
     */
    private static final Set<String> ADDRESSES = Set.of("sitemap");

    private final Stories stories;
    private final FrontPages fronts;
    private final PageCache cache;

    PageCacheInvalidator(Stories stories, FrontPages fronts, PageCache cache) {
        this.stories = stories;
        this.fronts = fronts;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "page-cache";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (var event : events) {
            if (CONTENT_EVENTS.contains(event.type())) {
                story(event.payload(ContentEvent.class));
            } else if (SITE_EVENTS.contains(event.type())) {
                site(event.payload(SiteEvent.class));
            } else if (LIVE_EVENTS.contains(event.type())) {
                live(event.payload(LiveEvent.class));
            }
        }
    }

    private void story(ContentEvent event) {
        switch (event) {
            // a draft save: readers see the published revision, which has not changed
            case VersionSaved saved -> { }
            case StoryPublished published -> {
                cache.evict(affected(published.storyId()), published.languages());
                // a page in another language may link to the version that changed (a fallback link)
                cache.evict(Set.of(SurrogateKeys.linksTo(published.storyId())), Set.of());
            }
            case StoryUnpublished unpublished -> cache.evict(affected(unpublished.storyId()), Set.of());
            // the other languages' pages link to the withdrawn version: every language
            case VersionUnpublished withdrawn -> cache.evict(affected(withdrawn.storyId()), Set.of());
            // its filing is gone with it, but every list showing it carries its story key
            case StoryDeleted deleted -> cache.evict(affected(deleted.storyId()), Set.of());
            // the lists of its old section, tags and authors drop it, the new ones gain it
            case MetadataChanged changed -> {
                if (changed.live()) {
                    var keys = affected(changed.storyId());
                    keys.addAll(filed(changed.before()));
                    cache.evict(keys, Set.of());
                }
            }
        }
    }

    private void site(SiteEvent event) {
        switch (event) {
            case SectionChanged section -> cache.evict(keys(Stream.of(SurrogateKeys.LAYOUT,
                    SurrogateKeys.section(section.sectionId()), "sections"),
                    section.moved() || section.change() == SiteEvent.Change.DELETED));
            // story pages, lists and feeds that name the tag carry its key (search facets and suggestions
            // follow once the index has the new name)
            case TagChanged tag -> cache.evict(keys(Stream.of(SurrogateKeys.tag(tag.tagId()), "tags"), false));
            case TagsMerged merged -> cache.evict(keys(Stream.of(SurrogateKeys.tag(merged.fromId()),
                    SurrogateKeys.tag(merged.intoId()), "tags"), false));
            case AuthorChanged author -> cache.evict(keys(Stream.of(SurrogateKeys.author(author.authorId()), "authors"),
                    false));
            case PageChanged page -> {
                if (page.everyPage()) {
                    cache.evict(Set.of(SurrogateKeys.page(page.pageId()), SurrogateKeys.LAYOUT, "sitemap", "pages"));
                } else {
                    cache.evict(Set.of(SurrogateKeys.page(page.pageId()), "pages"), page.languages());
                }
            }
            // the publication's name is in every title, feed and structured data block
            case PublicationChanged publication -> cache.evict(Set.of(SurrogateKeys.EVERYTHING));
            // only the home page of that language shows the arrangement
            case FrontPageChanged front -> cache.evict(Set.of("home"), Set.of(front.language()));
            // every reader page of that language carries the banner, and its key
            case BannerChanged banner -> cache.evict(Set.of(SurrogateKeys.BANNER), Set.of(banner.language()));
        }
    }

    /**
     * An entry or the state of a live blog changes the live blog's own pages (and its feed of entries), in every
     * language (an entry may show in the others with a note), and the home pages where the live blog is in a
     * place: nothing else, however often entries come.
     */
    private void live(LiveEvent event) {
        cache.evict(Set.of(SurrogateKeys.live(event.storyId())));
        var featuring = fronts.featuring(event.storyId());
        if (!featuring.isEmpty()) {
            cache.evict(Set.of("home"), featuring);
        }
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
