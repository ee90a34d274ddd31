package org.masthead.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterNode;
import org.masthead.platform.CoalescingWorker;
import org.masthead.platform.db.NodeBroadcast;
import org.masthead.platform.outbox.OutboxConsumers.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands committed outbox events to every {@link OutboxConsumer} declared in {@link OutboxConsumers}, each from
 * cursors of its own kept in the database, so a restart resumes where each consumer stopped and a consumer
 * that fails holds back no other. Each consumer runs on a thread of its own, woken after each commit that
 * appended an event (on any node: the committing node tells the others through {@link NodeBroadcast}), every
 * second in case a message was lost, and at start-up.
 *
 * <p>Events travel in batches of up to {@value #BATCH}: a consumer does once per batch what can be done once
 * (the search index commits once, a story is read once however many of its events the batch holds).
 *
 * <p>A batch that fails is tried again after a pause that doubles from {@link #FIRST_RETRY} up to
 * {@link #LONGEST_RETRY}, one event at a time until the failed batch is behind it, so that an event the
 * consumer fails on {@value #MAX_ATTEMPTS} times is set aside in {@code outbox_dead_letter} and those after it
 * still arrive. A consumer that says it is {@link OutboxConsumer.Unavailable unavailable} sets nothing aside:
 * it waits as long as its engine is away, then catches up.
 */
@Component
public class OutboxRelay implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int BATCH = 500;
    /** Deliveries of one event to one consumer before the relay sets it aside and moves on. */
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    /** How long a node holds a once-per-cluster consumer after it last moved or renewed it. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** The node id of the cursor a once-per-cluster consumer shares. */
    static final String SHARED = "";
    static final String CHANNEL = "outbox";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String node;
    private final OutboxConsumers declared;
    private final ObjectProvider<OutboxConsumer> beans;
    /** Passes hold it shared; {@link #holdStill} alone. */
    private final ReentrantReadWriteLock still = new ReentrantReadWriteLock();
    private volatile @Nullable List<Runner> runners;
    private volatile boolean running;
    /** Set while the relay stops: passes in progress end after their current batch. */
    private volatile boolean stopping;

    private @Nullable NodeBroadcast broadcast;

    @Autowired
    OutboxRelay(JdbcClient jdbc, JsonMapper json, Clock clock, ClusterNode node, OutboxConsumers declared,
            ObjectProvider<OutboxConsumer> beans, NodeBroadcast broadcast) {
        this(jdbc, json, clock, node.id(), declared, beans);
        this.broadcast = broadcast;
        // a commit on another node wakes this one's consumers at once (the poll is the safety net)
        broadcast.listen(CHANNEL, new NodeBroadcast.Listener() {
            @Override
            public void received(String message) {
                wake();
            }

            @Override
            public void missedMessages() {
                wake();
            }
        });
    }

    OutboxRelay(JdbcClient jdbc, JsonMapper json, Clock clock, String node, OutboxConsumers declared,
            ObjectProvider<OutboxConsumer> beans) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.node = node;
        this.declared = declared;
        this.beans = beans;
    }

    /** After a commit that appended events: wakes this node's consumers and tells the other nodes. */
    void committed() {
        wake();
        var others = broadcast;
        if (others != null) {
            others.send(CHANNEL, "appended");
        }
    }

    /** Asks for a pass of every consumer soon, each on its own thread; cheap to call often. */
    public void wake() {
        if (running) {
            runners().forEach(runner -> runner.worker.wake());
        }
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
     * Delivers everything pending to every consumer that is not waiting to try again, in their declared order,
     * on the calling thread; tests call it to run consumers synchronously.
     */
    public void drain() {
        for (var runner : runners()) {
            runner.pass();
        }
    }

    /** Runs {@code work} while no consumer handles anything on this node. */
    public <T> T holdStill(Supplier<T> work) {
        still.writeLock().lock();
        try {
            return work.get();
        } finally {
            still.writeLock().unlock();
        }
    }

    /**
     * Moves every consumer's cursor (the shared one, or this node's) to {@code position}, as if each had handled
     * every event up to it: for an archive imported with its search index built otherwise.
     */
    public void skipTo(long position) {
        for (var runner : runners()) {
            jdbc.sql("""
                    insert into outbox_cursor (consumer, node, position, seen_at) values (:consumer, :node, :position, :at)
                    on conflict (consumer, node) do update set position = excluded.position""")
                    .param("consumer", runner.consumer.name()).param("node", runner.cursorNode())
                    .param("position", position).param("at", clock.millis()).update();
        }
    }

    /** Where {@code consumer}'s cursor stands for this node (its shared cursor when it runs once per cluster). */
    long cursorOf(String consumer) {
        return cursorOf(consumer, nodeOf(declared.scopeOf(consumer)));
    }

    private long cursorOf(String consumer, String cursorNode) {
        return jdbc.sql("select position from outbox_cursor where consumer = :consumer and node = :node")
                .param("consumer", consumer).param("node", cursorNode)
                .query(Long.class).optional().orElse(0L);
    }

    private String nodeOf(Scope scope) {
        return scope == Scope.EVERY_NODE ? node : SHARED;
    }

    private List<Runner> runners() {
        var current = runners;
        if (current == null) {
            synchronized (this) {
                current = runners;
                if (current == null) {
                    current = resolve();
                    runners = current;
                }
            }
        }
        return current;
    }

    /** Pairs each declaration with its bean: every bean must be declared, and every declaration must have one. */
    private List<Runner> resolve() {
        var byName = new java.util.LinkedHashMap<String, OutboxConsumer>();
        for (var bean : beans) {
            if (declared.find(bean.name()).isEmpty()) {
                throw new IllegalStateException("Outbox consumer " + bean.name() + " (" + bean.getClass().getName()
                        + ") is not declared in OutboxConsumers: declare its scope and place there");
            }
            if (byName.put(bean.name(), bean) != null) {
                throw new IllegalStateException("Two outbox consumers are named " + bean.name());
            }
        }
        var resolved = new ArrayList<Runner>();
        for (var declaration : declared.all()) {
            var bean = byName.get(declaration.name());
            if (bean == null) {
                throw new IllegalStateException("Outbox consumer " + declaration.name()
                        + " is declared in OutboxConsumers but no bean answers to that name");
            }
            resolved.add(new Runner(declaration, bean));
        }
        return List.copyOf(resolved);
    }

    /** Checks the declarations at start-up and drops the cursors a consumer kept under its other scope. */
    private void tidy() {
        for (var runner : runners()) {
            if (runner.declaration.scope() == Scope.EVERY_NODE) {
                jdbc.sql("delete from outbox_cursor where consumer = :consumer and node = ''")
                        .param("consumer", runner.consumer.name()).update();
            } else {
                jdbc.sql("delete from outbox_cursor where consumer = :consumer and node <> ''")
                        .param("consumer", runner.consumer.name()).update();
            }
        }
    }

    @Override
    public void start() {
        tidy();
        stopping = false;
        running = true;
        runners().forEach(runner -> runner.worker.start());
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        for (var runner : runners()) {
            runner.worker.stop(Duration.ofSeconds(10));
        }
        stopping = false;
        try {
            // another node may take over the shared cursors at once instead of when the leases run out
            jdbc.sql("update outbox_cursor set lease_owner = null, lease_until = 0 where lease_owner = :node")
                    .param("node", node).update();
            // a node stopped on purpose leaves the lag metrics; one that crashed counts until it returns or a while
            // passes
            jdbc.sql("update outbox_cursor set seen_at = 0 where node = :node").param("node", node).update();
        } catch (RuntimeException e) {
            log.warn("Could not hand back this node's outbox leases; they run out in {} s", LEASE.toSeconds(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One consumer with its thread and its state of failure, which lives in memory: a restart tries afresh. */
    private final class Runner {

        private final OutboxConsumers.Consumer declaration;
        private final OutboxConsumer consumer;
        private final CoalescingWorker worker;
        private final java.util.Set<String> types;
        /** Failures in a row of the batch or event now at the head of the cursor. */
        private int failures;
        private long retryAt;
        /** Until the cursor passes this id, events go one at a time (a batch up to it failed). */
        private long singleUntil;
        private long seenAt;

        Runner(OutboxConsumers.Consumer declaration, OutboxConsumer consumer) {
            this.declaration = declaration;
            this.consumer = consumer;
            this.types = new HashSet<>(consumer.eventTypes());
            this.worker = new CoalescingWorker("outbox-" + consumer.name(), this::pass);
        }

        String cursorNode() {
            return nodeOf(declaration.scope());
        }

        synchronized void pass() {
            if (clock.millis() < retryAt) {
                return;
            }
            still.readLock().lock();
            try {
                if (declaration.scope() == Scope.ONCE_PER_CLUSTER && !claim()) {
                    return;
                }
                touch();
                long horizon = jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
                while (!stopping) {
                    long limit = horizon;
                    if (declaration.after() != null) {
                        limit = Math.min(limit, cursorOf(declaration.after(), nodeOf(declared.scopeOf(declaration.after()))));
                    }
                    long cursor = cursorOf(consumer.name(), cursorNode());
                    int size = cursor < singleUntil ? 1 : BATCH;
                    var events = read(cursor, limit, size);
                    if (events.isEmpty() || !deliver(events) || !moveCursor(events.getLast().id())) {
                        return;
                    }
                    wakeFollowers();
                    if (events.size() < size && cursor >= singleUntil) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // the database itself failed (cursor, lease): the next pass tries again
                log.error("Outbox consumer {} could not move on; it will retry from its cursor", consumer.name(), e);
            } finally {
                still.readLock().unlock();
            }
        }

        /** Those declared after this consumer may go on as far as it went. */
        private void wakeFollowers() {
            if (running) {
                for (var runner : runners()) {
                    if (consumer.name().equals(runner.declaration.after())) {
                        runner.worker.wake();
                    }
                }
            }
        }

        private List<OutboxEvent> read(long cursor, long limit, int size) {
            return jdbc.sql("""
                    select id, type, payload, created_at from outbox_event
                     where id > :cursor and id <= :limit order by id limit :size""")
                    .param("cursor", cursor).param("limit", limit).param("size", size)
                    .query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getString("type"),
                            rs.getString("payload"), Instant.ofEpochMilli(rs.getLong("created_at")), json))
                    .list();
        }

        /** True when the cursor may move past {@code events}: handled, or the one event at fault set aside. */
        private boolean deliver(List<OutboxEvent> events) {
            var taken = events.stream().filter(event -> types.contains(event.type())).toList();
            if (taken.isEmpty()) {
                return true;
            }
            try {
                consumer.handle(taken);
                if (failures > 0) {
                    log.info("Outbox consumer {} handles events again after {} failed tries", consumer.name(), failures);
                }
                failures = 0;
                return true;
            } catch (OutboxConsumer.Unavailable e) {
                failures++;
                retryLater(e, "is unavailable");
                return false;
            } catch (Exception e) {
                failures++;
                if (events.size() == 1 && failures >= MAX_ATTEMPTS) {
                    setAside(events.getFirst(), e);
                    failures = 0;
                    return true;
                }
                if (events.size() > 1) {
                    singleUntil = events.getLast().id();
                }
                retryLater(e, "failed on events " + events.getFirst().id() + "–" + events.getLast().id());
                return false;
            }
        }

        private void retryLater(Exception e, String what) {
            long pause = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(20, failures - 1));
            retryAt = clock.millis() + pause;
            if (failures == 1) {
                log.error("Outbox consumer {} {}; trying again from its cursor in {} ms", consumer.name(), what, pause, e);
            } else {
                log.warn("Outbox consumer {} {} ({} tries in a row: {}); trying again in {} ms", consumer.name(), what,
                        failures, e.toString(), pause);
            }
        }

        private void setAside(OutboxEvent event, Exception error) {
            log.error("Outbox consumer {} failed on event {} ({}) {} times; set aside in outbox_dead_letter",
                    consumer.name(), event.id(), event.type(), MAX_ATTEMPTS, error);
            jdbc.sql("""
                    insert into outbox_dead_letter (consumer, event_id, error, failed_at)
                    values (:consumer, :event, :error, :at)
                    on conflict (consumer, event_id) do update set error = excluded.error, failed_at = excluded.failed_at""")
                    .param("consumer", consumer.name()).param("event", event.id())
                    .param("error", String.valueOf(error.getMessage())).param("at", clock.millis())
                    .update();
        }

        /**
         * Takes or renews the lease on the shared cursor; false while another node holds it. A lease with more than
         * half of its time left is only read, so an idle cluster writes a cursor row once per consumer every
         * {@code LEASE / 2}, not on every pass.
         */
        private boolean claim() {
            long now = clock.millis();
            var lease = jdbc.sql("select lease_owner, lease_until from outbox_cursor where consumer = :consumer and node = ''")
                    .param("consumer", consumer.name())
                    .query((rs, n) -> node.equals(rs.getString("lease_owner")) ? rs.getLong("lease_until") : 0L)
                    .optional();
            if (lease.isEmpty()) {
                jdbc.sql("""
                        insert into outbox_cursor (consumer, node, position) values (:consumer, '', 0)
                        on conflict (consumer, node) do nothing""")
                        .param("consumer", consumer.name()).update();
            } else if (lease.get() - now > LEASE.toMillis() / 2) {
                return true;
            }
            return jdbc.sql("""
                    update outbox_cursor set lease_owner = :node, lease_until = :until, seen_at = :now
                     where consumer = :consumer and node = ''
                       and (lease_owner = :node or lease_owner is null or lease_until < :now)""")
                    .param("node", node).param("until", now + LEASE.toMillis()).param("now", now)
                    .param("consumer", consumer.name()).update() == 1;
        }

        /** Keeps this node's cursor row marked as alive, at most every few seconds. */
        private void touch() {
            long now = clock.millis();
            if (declaration.scope() == Scope.EVERY_NODE && now - seenAt > LEASE.toMillis() / 2) {
                jdbc.sql("""
                        insert into outbox_cursor (consumer, node, position, seen_at) values (:consumer, :node, 0, :now)
                        on conflict (consumer, node) do update set seen_at = excluded.seen_at""")
                        .param("consumer", consumer.name()).param("node", node).param("now", now).update();
                seenAt = now;
            }
        }

        /** False when the shared cursor's lease went to another node meanwhile: it goes on from there. */
        private boolean moveCursor(long position) {
            long now = clock.millis();
            if (declaration.scope() == Scope.EVERY_NODE) {
                jdbc.sql("""
                        insert into outbox_cursor (consumer, node, position, seen_at) values (:consumer, :node, :position, :now)
                        on conflict (consumer, node) do update set position = excluded.position, seen_at = excluded.seen_at""")
                        .param("consumer", consumer.name()).param("node", node).param("position", position)
                        .param("now", now).update();
                seenAt = now;
                return true;
            }
            return jdbc.sql("""
                    update outbox_cursor set position = :position, lease_until = :until, seen_at = :now
                     where consumer = :consumer and node = '' and lease_owner = :node""")
                    .param("position", position).param("until", now + LEASE.toMillis()).param("now", now)
                    .param("consumer", consumer.name()).param("node", node).update() == 1;
        }
    }
}
