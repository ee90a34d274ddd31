package org.masthead.cache;

import java.util.List;
import java.util.Set;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * Drops the pages a change makes stale ({@link Evictions}) from the page cache.
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

    private final Evictions evictions;
    private final PageCache cache;

    PageCacheInvalidator(Evictions evictions, PageCache cache) {
        this.evictions = evictions;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "page-cache";
    }

    @Override
    public Set<String> eventTypes() {
        return Evictions.EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (var event : events) {
            evictions.of(event, cache::evict);
        }
    }
}
