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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.db.NodeBroadcast;
import org.masthead.platform.web.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rendered pages in memory, bounded by their size, found by request path and dropped by surrogate
 * key. Evictions made here are sent to the other nodes; evictions from other nodes arrive here.
 *
 * <p>A page is found by its path and only the query parameters the page at that path reads ({@link #key}):
 * {@code /uk/?x=1} is the home page, not a page of its own. A dropped page is kept aside as a stale copy for
 * {@code stale-while-revalidate}: while one request renders the page again ({@link #flight}), the others
 * arriving meanwhile get the stale copy, or, when there is none, wait for that one render.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);
    static final String CHANNEL = "page_cache";

    private final Cache<String, CachedPage> pages;
    /** Pages dropped by an eviction, served only while another request renders them again. */
    private final Cache<String, CachedPage> stale;
    /** Per path, the names of the query parameters its page was seen to read; {@link #EVERY_PARAMETER} for all. */
    private final Cache<String, Set<String>> parameters;
    /** Renders under way, by key: requests for the same key wait for them instead of rendering again. */
    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
    private final NodeBroadcast broadcast;
    private final ReadModel readModel;
    /** Moves on every eviction, so a page rendered across one is not stored stale (see {@link #store}). */
    private final AtomicLong generation = new AtomicLong();

    /** Pages dropped because what they show changed (by surrogate key); size and age evictions are Caffeine's. */
    private final io.micrometer.core.instrument.Counter dropped;

    PageCache(CacheProperties properties, NodeBroadcast broadcast, ReadModel readModel, MeterRegistry registry) {
        this.readModel = readModel;
        this.dropped = io.micrometer.core.instrument.Counter.builder("masthead.cache.invalidations")
                .description("Cached pages dropped because a change they show was published").register(registry);
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.timeToLive())
                .recordStats()
                .build();
        this.stale = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.maxSize().toBytes() / 4))
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.staleWhileRevalidate())
                .build();
        this.parameters = Caffeine.newBuilder().maximumSize(100_000).build();
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

    @Nullable CachedPage lookup(String key) {
        return pages.getIfPresent(key);
    }

    /** The stale copy of a page an eviction dropped, if it is still kept. */
    @Nullable CachedPage lookupStale(String key) {
        return stale.getIfPresent(key);
    }

    /** Marks a parameter set that stands for every parameter of the query (a page that read them all). */
    static final Set<String> EVERY_PARAMETER = Set.of("*");

    /**
     * The key of a request for {@code path} with {@code query} (raw, as sent; null for none): the path, and of
     * the query only the parameters the page at that path reads, in a fixed order. Null when the query names
     * parameters and which ones the page reads is not known yet (no render of that path was seen).
     */
    @Nullable String key(String path, @Nullable String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        var read = parameters.getIfPresent(path);
        return read == null ? null : key(path, query, read);
    }

    /** The key under which a page rendered for {@code path} and {@code query}, having read {@code read}, is kept. */
    static String key(String path, @Nullable String query, Set<String> read) {
        if (query == null || query.isEmpty() || read.isEmpty()) {
            return path;
        }
        if (read.equals(EVERY_PARAMETER)) {
            return path + "?" + query;
        }
        var kept = new ArrayList<String[]>();
        for (var part : query.split("&")) {
            int equals = part.indexOf('=');
            var name = decode(equals < 0 ? part : part.substring(0, equals));
            if (read.contains(name)) {
                kept.add(new String[] {name, part});
            }
        }
        if (kept.isEmpty()) {
            return path;
        }
        // stable: repeated parameters keep their order, which the page may depend on
        kept.sort(java.util.Comparator.comparing((String[] p) -> p[0]));
        var key = new StringBuilder(path).append('?');
        for (int i = 0; i < kept.size(); i++) {
            key.append(i == 0 ? "" : "&").append(kept.get(i)[1]);
        }
        return key.toString();
    }

    private static String decode(String name) {
        try {
            return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /** Remembers that the page at {@code path} reads the parameters {@code read} (added to those seen before). */
    void learn(String path, Set<String> read) {
        parameters.asMap().merge(path, Set.copyOf(read), (known, now) -> {
            if (known.equals(EVERY_PARAMETER) || now.equals(EVERY_PARAMETER)) {
                return EVERY_PARAMETER;
            }
            if (known.containsAll(now)) {
                return known;
            }
            var both = new java.util.HashSet<>(known);
            both.addAll(now);
            return Set.copyOf(both);
        });
    }

    /** One render under way; the requests that wait for it get its page, or null when it made none to share. */
    static final class Flight {

        private final java.util.concurrent.CompletableFuture<@Nullable CachedPage> page =
                new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

        /** The page of this render, waiting at most {@code wait}; null when it made none or took too long. */
        @Nullable CachedPage await(java.time.Duration wait) {
            waiting.incrementAndGet();
            try {
                return page.get(wait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return null;
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    /**
     * Registers {@code mine} as the render of {@code key}, unless another is under way: then that one is
     * returned and the caller should wait for it (or answer with the stale copy) instead of rendering.
     */
    @Nullable Flight flight(String key, Flight mine) {
        return flights.putIfAbsent(key, mine);
    }

    /** Ends {@code flight}, handing {@code page} (null: nothing to share) to whoever waits for it. */
    void land(String key, Flight flight, @Nullable CachedPage page) {
        flights.remove(key, flight);
        if (page == null) {
            // the page is no more (a story withdrawn, an error): its stale copy must not be served either
            stale.invalidate(key);
        }
        flight.page.complete(page);
    }

    /** Requests waiting right now for the render of {@code key} under way (for tests). */
    int waitingFor(String key) {
        var flight = flights.get(key);
        return flight == null ? 0 : flight.waiting.get();
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
        stale.invalidate(path);
        if (generation.get() != renderedSince) {
            // an eviction ran between the check and the put and may have missed this page
            pages.asMap().remove(path, page);
            return false;
        }
        return true;
    }

    void evictHere(Eviction eviction) {
        // what pages are rendered from goes first: a page rendered after this eviction began reads fresh data
        readModel.evict(eviction.keys(), eviction.languages());
        generation.incrementAndGet();
        // requests arriving from now on render anew; those already waiting get the render they waited for
        flights.clear();
        int[] count = {0};
        pages.asMap().entrySet().removeIf(entry -> {
            if (!eviction.matches(entry.getValue())) {
                return false;
            }
            stale.put(entry.getKey(), entry.getValue());
            count[0]++;
            return true;
        });
        dropped.increment(count[0]);
    }

    void clearHere() {
        readModel.clear();
        generation.incrementAndGet();
        flights.clear();
        pages.invalidateAll();
        stale.invalidateAll();
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
