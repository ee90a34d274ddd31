package org.masthead.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.db.NodeBroadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rendered pages in memory, bounded by their size, found by request path and dropped by surrogate
 * key. Evictions made here are sent to the other nodes; evictions from other nodes arrive here.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);
    static final String CHANNEL = "page_cache";

    private final Cache<String, CachedPage> pages;
    private final NodeBroadcast broadcast;
    /** Moves on every eviction, so a page rendered across one is not stored stale (see {@link #store}). */
    private final AtomicLong generation = new AtomicLong();

    /** Pages dropped because what they show changed (by surrogate key); size and age evictions are Caffeine's. */
    private final io.micrometer.core.instrument.Counter dropped;

    PageCache(CacheProperties properties, NodeBroadcast broadcast, MeterRegistry registry) {
        this.dropped = io.micrometer.core.instrument.Counter.builder("masthead.cache.invalidations")
                .description("Cached pages dropped because a change they show was published").register(registry);
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.timeToLive())
                .recordStats()
                .build();
        this.broadcast = broadcast;
        CaffeineCacheMetrics.monitor(registry, pages, "pages");
        broadcast.listen(CHANNEL, new NodeBroadcast.Listener() {
            @Override
            public void received(String message) {
                evictHere(Eviction.decode(message));
            }

            @Override
            public void missedMessages() {
                log.info("Evictions from other nodes may have been missed; dropping every cached page");
                clearHere();
            }
        });
    }

    /** Drops the pages tagged with any of {@code keys} in any of {@code languages} (all when empty), on every node. */
    public void evict(Collection<String> keys, Set<Language> languages) {
        if (keys.isEmpty()) {
            return;
        }
        var eviction = new Eviction(new LinkedHashSet<>(keys), languages);
        evictHere(eviction);
        for (var part : messages(eviction)) {
            broadcast.send(CHANNEL, part);
        }
    }

    /** Drops the pages tagged with any of {@code keys}, on every node. */
    public void evict(Collection<String> keys) {
        evict(keys, Set.of());
    }

    /** How many pages are cached on this node right now. */
    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    @Nullable CachedPage lookup(String path) {
        return pages.getIfPresent(path);
    }

    long generation() {
        return generation.get();
    }

    /**
     * Keeps {@code page} unless an eviction ran since {@code renderedSince} was read: the page may have
     * been rendered from data that eviction was about, and the next reader renders it again instead.
     */
    boolean store(String path, CachedPage page, long renderedSince) {
        if (generation.get() != renderedSince) {
            return false;
        }
        pages.put(path, page);
        if (generation.get() != renderedSince) {
            // an eviction ran between the check and the put and may have missed this page
            pages.asMap().remove(path, page);
            return false;
        }
        return true;
    }

    void evictHere(Eviction eviction) {
        generation.incrementAndGet();
        int before = pages.asMap().size();
        pages.asMap().values().removeIf(eviction::matches);
        dropped.increment(Math.max(0, before - pages.asMap().size()));
    }

    void clearHere() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** Splits an eviction into messages that fit the broadcast's size limit. */
    private static Collection<String> messages(Eviction eviction) {
        var whole = eviction.encode();
        if (whole.getBytes(StandardCharsets.UTF_8).length <= NodeBroadcast.MAX_MESSAGE_BYTES) {
            return Set.of(whole);
        }
        var messages = new ArrayList<String>();
        var part = new LinkedHashSet<String>();
        int bytes = 0;
        for (var key : eviction.keys()) {
            int size = key.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > NodeBroadcast.MAX_MESSAGE_BYTES / 2 && !part.isEmpty()) {
                messages.add(new Eviction(part, eviction.languages()).encode());
                part = new LinkedHashSet<>();
                bytes = 0;
            }
            part.add(key);
            bytes += size;
        }
        messages.add(new Eviction(part, eviction.languages()).encode());
        return messages;
    }
}
