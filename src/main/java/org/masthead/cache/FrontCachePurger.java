package org.masthead.cache;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the caches in front of Masthead (Varnish, Fastly, Cloudflare: {@link FrontCacheProperties}) to drop the pages
 * a change makes stale, by the same surrogate keys the nodes' page caches drop ({@link Evictions}): a correction
 * reaches readers at once instead of after {@code s-maxage}. Once per cluster, after the page cache's consumer
 * (declared in {@code OutboxConsumers}), so that the page the cache in front asks for next is rendered anew. A cache
 * that does not confirm the purge holds the cursor: the relay tries the same events again with growing pauses until
 * it does, and the log says each time which cache refused and why. Keys are purged in every language: the cache in
 * front may drop a little more than the nodes do, never less.
 */
@Component
class FrontCachePurger implements OutboxConsumer {

    private static final Logger log = LoggerFactory.getLogger(FrontCachePurger.class);

    private final Evictions evictions;
    private final List<FrontCache> caches;
    private final Duration settle;
    private final Clock clock;

    FrontCachePurger(Evictions evictions, FrontCacheProperties properties, JsonMapper json, Clock clock) {
        this.evictions = evictions;
        this.settle = properties.settle();
        this.clock = clock;
        var http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        var caches = new ArrayList<FrontCache>();
        properties.varnish().urls().forEach(url -> caches.add(new FrontCache.Varnish(http, properties.timeout(), url)));
        if (!properties.fastly().serviceId().isBlank()) {
            caches.add(new FrontCache.Fastly(http, properties.timeout(), properties.fastly(), json));
        }
        if (!properties.cloudflare().zoneId().isBlank()) {
            caches.add(new FrontCache.Cloudflare(http, properties.timeout(), properties.cloudflare(), json));
        }
        this.caches = List.copyOf(caches);
        if (!this.caches.isEmpty()) {
            log.info("Changes are purged by surrogate key from {}", this.caches.stream().map(FrontCache::name).toList());
        }
    }

    @Override
    public String name() {
        return "front-cache";
    }

    @Override
    public Set<String> eventTypes() {
        return Evictions.EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) throws InterruptedException {
        if (caches.isEmpty() || events.isEmpty()) {
            return;
        }
        var keys = new LinkedHashSet<String>();
        for (var event : events) {
            evictions.of(event, (evicted, languages) -> keys.addAll(evicted));
        }
        if (keys.isEmpty()) {
            return;
        }
        // evictions reach the other nodes through the database a moment after this node made them
        long wait = events.getLast().createdAt().plus(settle).toEpochMilli() - clock.millis();
        if (wait > 0) {
            Thread.sleep(Math.min(wait, settle.toMillis()));
        }
        var purge = keys.contains(FrontCache.EVERYTHING) ? Set.of(FrontCache.EVERYTHING) : keys;
        for (var cache : caches) {
            try {
                cache.purge(purge);
            } catch (java.io.IOException e) {
                log.warn("Cannot purge {} keys from {} ({}); trying again", purge.size(), cache.name(), e.getMessage());
                throw new Unavailable("Cannot purge " + cache.name(), e);
            }
        }
        log.info("Purged {} keys of {} changes from {}", purge.size(), events.size(),
                caches.stream().map(FrontCache::name).toList());
    }
}
