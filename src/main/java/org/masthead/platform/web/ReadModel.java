package org.masthead.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What readers see, as read from the database, kept in memory on each node: published versions, lists of
 * stories, the layout around pages. Each entry is tagged with the {@link SurrogateKeys surrogate keys} of the
 * pages that show it, and dropped by the same evictions that drop those pages from the page cache (which
 * calls {@link #evict} on every node before it drops its pages, so a page rendered after an eviction never
 * reads an entry that eviction was about). An entry is thus never older than a cached page would be, and a
 * page that is not in the page cache is rendered without asking the database again for what it shows.
 */
@Component
public class ReadModel {

    /**
     * A request attribute: set on requests that must read the database itself, not this model (signed-in staff,
     * who see what is in the database now).
     */
    public static final String FRESH = ReadModel.class.getName() + ".fresh";

    /** The keys of an entry, and its language: entries of other languages survive a language-bound eviction. */
    public record Tags(Set<String> keys, @Nullable Language language) {

        public Tags {
            keys = Set.copyOf(keys);
        }

        public static Tags of(@Nullable Language language, Collection<String> keys) {
            return new Tags(Set.copyOf(keys), language);
        }
    }

    private record Entry(Object value, Tags tags) {
    }

    private final Cache<Object, Entry> entries;
    /**
     * Loads under way, by key: a request that needs a value another request is loading waits for that load instead
     * of asking the database the same question again (a front page falling out of the model under load).
     */
    private final ConcurrentHashMap<Object, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();
    /** Moves on every eviction, so a value read across one is not kept (see {@link #get}). */
    private final AtomicLong generation = new AtomicLong();

    public ReadModel(@Value("${masthead.site.read-model-entries:20000}") long maxEntries, MeterRegistry registry) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, entries, "read-model");
    }

    /**
     * The value of {@code key}, loaded by {@code load} when not known here, tagged by {@code tags}. Keys are
     * records naming what they hold and every argument of the load. Concurrent requests for a key not known here
     * load it once: the others wait for that load. A value loaded while an eviction ran is returned but not kept:
     * it may have been read from data the eviction was about.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load, Function<? super T, Tags> tags) {
        var known = entries.getIfPresent(key);
        if (known != null) {
            return (T) known.value();
        }
        var mine = new CompletableFuture<Object>();
        var underWay = loading.putIfAbsent(key, mine);
        if (underWay != null) {
            try {
                return (T) underWay.join();
            } catch (CompletionException | CancellationException failed) {
                // that load failed or an eviction abandoned it: load here, and fail here if it fails again
                return loadAndKeep(key, load, tags, null);
            }
        }
        return loadAndKeep(key, load, tags, mine);
    }

    /** Loads and keeps the value; {@code flight}, when this request leads the load, is settled however it ends. */
    private <T> T loadAndKeep(Object key, Supplier<T> load, Function<? super T, Tags> tags,
            @Nullable CompletableFuture<Object> flight) {
        long before = generation.get();
        try {
            var value = load.get();
            if (value != null && generation.get() == before) {
                var entry = new Entry(value, tags.apply(value));
                entries.put(key, entry);
                if (generation.get() != before) {
                    // an eviction ran between the check and the put and may have missed this entry
                    entries.asMap().remove(key, entry);
                }
            }
            if (flight != null) {
                loading.remove(key, flight);
                flight.complete(value);
            }
            return value;
        } catch (RuntimeException | Error e) {
            if (flight != null) {
                loading.remove(key, flight);
                flight.completeExceptionally(e);
            }
            throw e;
        }
    }

    /** Whether a load of {@code key} is under way (for tests). */
    boolean loadUnderWay(Object key) {
        return loading.containsKey(key);
    }

    /** Requests waiting right now for the load of {@code key} under way (for tests). */
    int waitingFor(Object key) {
        var flight = loading.get(key);
        return flight == null ? 0 : flight.getNumberOfDependents();
    }

    /** Drops the entries tagged with any of {@code keys} whose language is one of {@code languages} (all when empty). */
    public void evict(Collection<String> keys, Set<Language> languages) {
        if (keys.isEmpty()) {
            return;
        }
        generation.incrementAndGet();
        // requests arriving from now on load anew; those already waiting get the load they waited for
        loading.clear();
        if (keys.contains(SurrogateKeys.EVERYTHING)) {
            entries.invalidateAll();
            return;
        }
        var evicted = Set.copyOf(keys);
        var inLanguages = languages.isEmpty() ? EnumSet.allOf(Language.class) : EnumSet.copyOf(languages);
        entries.asMap().values().removeIf(entry -> matches(entry.tags(), evicted, inLanguages));
    }

    /** Drops everything (evictions from other nodes may have been missed). */
    public void clear() {
        generation.incrementAndGet();
        loading.clear();
        entries.invalidateAll();
    }

    /** Entries known on this node right now. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static boolean matches(Tags tags, Set<String> evicted, Set<Language> languages) {
        if (tags.language() != null && !languages.contains(tags.language())) {
            return false;
        }
        for (var key : tags.keys()) {
            if (evicted.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
