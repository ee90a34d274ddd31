package org.masthead.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.masthead.platform.CoalescingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands committed outbox events to every {@link OutboxConsumer}, each from its own cursor kept in the
 * database, so a restart resumes where each consumer stopped. Runs after each commit that appended
 * an event, every second for events written by other nodes, and at start-up.
 */
@Component
public class OutboxRelay implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Deliveries of one event to one consumer before the relay sets it aside and moves on. */
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectProvider<OutboxConsumer> consumers;
    private final CoalescingWorker worker = new CoalescingWorker("outbox-relay", this::drain);
    /** Failed deliveries per "consumer#event"; kept in memory, so a restart grants every event fresh attempts. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    OutboxRelay(JdbcClient jdbc, JsonMapper json, ObjectProvider<OutboxConsumer> consumers) {
        this.jdbc = jdbc;
        this.json = json;
        this.consumers = consumers;
    }

    /** Asks for a relay pass soon, on the relay's own thread; cheap to call often. */
    public void wake() {
        worker.wake();
    }

    @Override
    public void run(ApplicationArguments args) {
        wake();
    }

    @Scheduled(fixedDelayString = "${masthead.outbox.poll-interval:1s}")
    void poll() {
        wake();
    }

    /**
     * Delivers everything pending to every consumer, in their order; tests call it to run consumers
     * synchronously. All consumers of a pass stop at the same newest event, and a consumer that fails holds
     * back those after it: a later consumer never acts on an event an earlier one has not handled (the page
     * cache drops search pages only once the search index has the change that emptied them).
     */
    public synchronized void drain() {
        long horizon = jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
        for (var consumer : consumers.orderedStream().toList()) {
            try {
                while (deliverBatch(consumer, horizon) == BATCH) {
                    // a full batch means there may be more
                }
            } catch (RuntimeException e) {
                log.error("Outbox consumer {} failed; it will retry from its cursor", consumer.name(), e);
                horizon = Math.min(horizon, cursorOf(consumer.name()));
            }
        }
    }

    private int deliverBatch(OutboxConsumer consumer, long horizon) {
        long cursor = cursorOf(consumer.name());
        List<OutboxEvent> events = jdbc.sql("""
                select id, type, payload, created_at from outbox_event
                 where id > :cursor and id <= :horizon order by id limit :limit""")
                .param("cursor", cursor)
                .param("horizon", horizon)
                .param("limit", BATCH)
                .query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getString("type"),
                        rs.getString("payload"), Instant.ofEpochMilli(rs.getLong("created_at")), json))
                .list();
        for (var event : events) {
            try {
                consumer.handle(event);
            } catch (Exception e) {
                var key = consumer.name() + "#" + event.id();
                if (failures.merge(key, 1, Integer::sum) < MAX_ATTEMPTS) {
                    throw new IllegalStateException("Event " + event.id() + " (" + event.type() + ") failed", e);
                }
                failures.remove(key);
                setAside(consumer.name(), event, e);
            }
            moveCursor(consumer.name(), event.id());
        }
        return events.size();
    }

    private void setAside(String consumer, OutboxEvent event, Exception error) {
        log.error("Outbox consumer {} failed on event {} ({}) {} times; set aside in outbox_dead_letter", consumer,
                event.id(), event.type(), MAX_ATTEMPTS, error);
        jdbc.sql("""
                insert into outbox_dead_letter (consumer, event_id, error, failed_at) values (:consumer, :event, :error, :at)
                on conflict (consumer, event_id) do update set error = excluded.error, failed_at = excluded.failed_at""")
                .param("consumer", consumer).param("event", event.id())
                .param("error", String.valueOf(error.getMessage())).param("at", System.currentTimeMillis())
                .update();
    }

    long cursorOf(String consumer) {
        return jdbc.sql("select position from outbox_cursor where consumer = :consumer")
                .param("consumer", consumer)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private void moveCursor(String consumer, long position) {
        jdbc.sql("""
                insert into outbox_cursor (consumer, position) values (:consumer, :position)
                on conflict (consumer) do update set position = excluded.position""")
                .param("consumer", consumer)
                .param("position", position)
                .update();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
