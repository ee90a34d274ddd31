package org.masthead.cache;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.content.ContentEvent;
import org.masthead.content.ContentEvent.StoryDeleted;
import org.masthead.content.ContentEvent.StoryPublished;
import org.masthead.content.ContentEvent.StoryUnpublished;
import org.masthead.content.ContentEvent.VersionSaved;
import org.masthead.content.ContentEvent.VersionUnpublished;
import org.masthead.content.Stories;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns content events into evictions of exactly the pages they change: the story's own pages and
 * every page that lists it (its section, tags and authors, the home page, feeds, sitemaps, search and
 * API lists), in the
 * languages concerned.
 *
 * <p>One cursor serves the whole cluster: whichever node's relay takes an event evicts locally and
 * {@link PageCache#evict} tells the other nodes through the database. Nodes therefore need no cursor
 * of their own, and a node that starts later has nothing cached to evict.
 */
@Component
// last of the consumers of an event: a page rendered after the eviction sees what the others
// (the search index above all) made of the same event
@Order(Ordered.LOWEST_PRECEDENCE)
class PageCacheInvalidator implements OutboxConsumer {

    private static final Set<String> CONTENT_EVENTS = Arrays.stream(ContentEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
    /** Pages that list every newly published story, whatever its section. */
    private static final Set<String> EVERY_STORY = Set.of("home", "feed", "sitemap", "search", "api");

    private final Stories stories;
    private final PageCache cache;

    PageCacheInvalidator(Stories stories, PageCache cache) {
        this.stories = stories;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "page-cache";
    }

    @Override
    public void handle(OutboxEvent event) {
        if (!CONTENT_EVENTS.contains(event.type())) {
            return;
        }
        switch (event.payload(ContentEvent.class)) {
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
        }
    }

    private Set<String> affected(long storyId) {
        var keys = new LinkedHashSet<String>();
        keys.add(SurrogateKeys.story(storyId));
        keys.add(SurrogateKeys.linksTo(storyId));
        stories.filing(storyId).ifPresent(filing -> {
            keys.add(SurrogateKeys.section(filing.sectionId()));
            filing.tagIds().forEach(tag -> keys.add(SurrogateKeys.tag(tag)));
            filing.authorIds().forEach(author -> keys.add(SurrogateKeys.author(author)));
        });
        keys.addAll(EVERY_STORY);
        return keys;
    }
}
