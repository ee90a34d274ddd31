package org.masthead.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each outbox consumer is behind, read from the cursor tables (never from the relay's memory, so
 * it holds however the relay runs): {@code masthead.outbox.lag.events{consumer}} committed events it has
 * not handled, {@code masthead.outbox.lag.seconds{consumer}} the age of the oldest of them (0 when it is
 * caught up), and {@code masthead.outbox.dead.letters{consumer}} events it set aside. Where a consumer
 * keeps several cursors (one per node), the one furthest behind among the nodes seen in the last ten minutes
 * counts. Read at most every few seconds
 * however often the metrics are scraped.
 */
@Component
class OutboxMetrics implements SmartInitializingSingleton {

    private static final long REFRESH_MILLIS = 5_000;
    private static final long ALIVE_MILLIS = 10 * 60_000;

    private final JdbcClient jdbc;
    private final ObjectProvider<OutboxConsumer> consumers;
    private final Clock clock;
    private final MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of(), Map.of());

    OutboxMetrics(JdbcClient jdbc, ObjectProvider<OutboxConsumer> consumers, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.clock = clock;
        this.registry = registry;
    }

    /** Once every consumer exists: one set of gauges per consumer name. */
    @Override
    public void afterSingletonsInstantiated() {
        consumers.orderedStream().map(OutboxConsumer::name).distinct().forEach(name -> {
            Gauge.builder("masthead.outbox.lag.events", () -> current().events().getOrDefault(name, 0L))
                    .tag("consumer", name).description("Committed outbox events the consumer has not handled yet")
                    .register(registry);
            Gauge.builder("masthead.outbox.lag.seconds", () -> current().seconds().getOrDefault(name, 0.0))
                    .tag("consumer", name).description("Age of the oldest outbox event the consumer has not handled")
                    .baseUnit("seconds").register(registry);
            Gauge.builder("masthead.outbox.dead.letters", () -> current().deadLetters().getOrDefault(name, 0L))
                    .tag("consumer", name).description("Outbox events the consumer set aside after repeated failures")
                    .register(registry);
        });
    }

    private Snapshot current() {
        var now = clock.millis();
        var last = snapshot;
        if (now - last.takenAt() < REFRESH_MILLIS) {
            return last;
        }
        synchronized (this) {
            if (now - snapshot.takenAt() >= REFRESH_MILLIS) {
                snapshot = read(now);
            }
            return snapshot;
        }
    }

    private Snapshot read(long now) {
        long newest = jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
        var cursors = new HashMap<String, Long>();
        // a node's own cursor counts while the node runs (it touches its rows every few seconds), so a node
        // taken out of the cluster for good stops counting after a while
        jdbc.sql("""
                select consumer, min(position) as position from outbox_cursor
                 where node = '' or seen_at > :alive group by consumer""")
                .param("alive", now - ALIVE_MILLIS)
                .query((rs, n) -> cursors.put(rs.getString("consumer"), rs.getLong("position"))).list();
        var events = new HashMap<String, Long>();
        var seconds = new HashMap<String, Double>();
        consumers.orderedStream().map(OutboxConsumer::name).distinct().forEach(name -> {
            long position = cursors.getOrDefault(name, 0L);
            events.put(name, Math.max(0, newest - position));
            var oldest = newest > position
                    ? jdbc.sql("select min(created_at) from outbox_event where id > :position")
                            .param("position", position).query(Long.class).optional().orElse(null)
                    : null;
            seconds.put(name, oldest == null ? 0.0 : Math.max(0, now - oldest) / 1000.0);
        });
        var deadLetters = new HashMap<String, Long>();
        jdbc.sql("select consumer, count(*) as letters from outbox_dead_letter group by consumer")
                .query((rs, n) -> deadLetters.put(rs.getString("consumer"), rs.getLong("letters"))).list();
        return new Snapshot(now, events, seconds, deadLetters);
    }

    private record Snapshot(long takenAt, Map<String, Long> events, Map<String, Double> seconds,
            Map<String, Long> deadLetters) {
    }
}
