package org.masthead.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.masthead.platform.outbox.OutboxConsumers.Scope;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@MastheadTest
class OutboxRelayIntegrationTest {

    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired TransactionTemplate transaction;
    @Autowired OutboxRelay applicationRelay;

    record Ping(String text) {
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void aNewConsumerStartsFromTheBeginningAndAFailureIsRetriedFromItsCursorAfterAPause() {
        var run = run();
        ping("one" + run, "two" + run);
        var flaky = new PingConsumer("flaky" + run, run, failing("two" + run, 2));
        var relay = relay("node-a", cluster(flaky.name()), flaky);

        relay.drain();
        assertThat(flaky.texts()).containsExactly("one" + run, "two" + run);   // the batch failed: nothing acknowledged
        relay.drain();
        assertThat(flaky.texts()).as("no try before the pause is over").hasSize(2);
        clock.move(OutboxRelay.FIRST_RETRY);
        relay.drain();   // one event at a time now: "one" goes through, "two" fails again
        assertThat(flaky.texts()).containsExactly("one" + run, "two" + run, "one" + run, "two" + run);
        assertThat(relay.cursorOf(flaky.name())).isLessThan(newestEvent());

        relay("node-a", cluster(flaky.name()), flaky).drain();   // a fresh relay, as after a restart, tries at once
        assertThat(flaky.texts()).endsWith("one" + run, "two" + run, "two" + run);
        assertThat(relay.cursorOf(flaky.name())).isEqualTo(newestEvent());
    }

    @Test
    void eventsArriveInBatchesOfOnlyTheTypesTheConsumerTakes() {
        var run = run();
        var texts = new ArrayList<String>();
        for (int i = 0; i < OutboxRelay.BATCH * 2 + 7; i++) {
            texts.add("p" + i + run);
        }
        ping(texts.toArray(String[]::new));
        var batches = new CopyOnWriteArrayList<Integer>();
        var consumer = new PingConsumer("batched" + run, run, events -> batches.add(events.size()));

        relay("node-a", cluster(consumer.name()), consumer).drain();

        assertThat(consumer.texts()).containsExactlyElementsOf(texts);
        assertThat(batches).allMatch(size -> size <= OutboxRelay.BATCH);
        assertThat(batches.size()).as("batches, not one event at a time").isLessThan(20);
        assertThat(consumer.types()).containsOnly("Ping");
    }

    @Test
    void anEventThatKeepsFailingIsSetAsideSoLaterEventsStillArrive() {
        var run = run();
        ping("before" + run, "poison" + run, "after" + run);
        var consumer = new PingConsumer("stubborn" + run, run, failing("poison" + run, Integer.MAX_VALUE));
        var relay = relay("node-a", cluster(consumer.name()), consumer);

        relay.drain();   // the batch fails: from now on one event at a time, up to the end of that batch
        for (int attempt = 1; attempt < OutboxRelay.MAX_ATTEMPTS; attempt++) {
            clock.move(OutboxRelay.LONGEST_RETRY);
            relay.drain();
            assertThat(consumer.handled()).containsExactly("before" + run);
        }
        clock.move(OutboxRelay.LONGEST_RETRY);
        relay.drain();
        assertThat(consumer.handled()).containsExactly("before" + run, "after" + run);
        assertThat(consumer.texts()).as("the batch, then one at a time: poison five times on its own")
                .containsExactly("before" + run, "poison" + run, "after" + run, "before" + run, "poison" + run,
                        "poison" + run, "poison" + run, "poison" + run, "poison" + run, "after" + run);
        assertThat(deadLetters(consumer.name())).isEqualTo(1);
    }

    @Test
    void aConsumerThatFailsForAnHourHoldsBackNoOtherAndCatchesUpWithNothingSetAside() {
        var run = run();
        var down = new boolean[] {true};
        var search = new PingConsumer("engine" + run, run, events -> {
            if (down[0]) {
                throw new OutboxConsumer.Unavailable("engine unreachable", new java.net.ConnectException("refused"));
            }
        });
        var webhooks = new PingConsumer("other" + run, run, events -> { });
        var relay = relay("node-a", new OutboxConsumers(List.of(OutboxConsumers.Consumer.everyNode(search.name()),
                OutboxConsumers.Consumer.oncePerCluster(webhooks.name()))), search, webhooks);

        var written = new ArrayList<String>();
        int before = search.calls();
        for (var at = Duration.ZERO; at.compareTo(Duration.ofHours(1)) < 0; at = at.plusMinutes(1)) {
            var text = "minute-" + at.toMinutes() + run;
            ping(text);
            written.add(text);
            relay.drain();
            clock.move(Duration.ofSeconds(30));
            relay.drain();
            assertThat(webhooks.texts()).as("the other consumer carries on").containsExactlyElementsOf(written);
            clock.move(Duration.ofSeconds(30));
        }
        // 120 passes in the hour; the pauses doubled up to a minute, so about one try a minute
        assertThat(search.calls() - before).isBetween(58, 66);
        assertThat(search.handled()).isEmpty();   // the engine never took a batch

        down[0] = false;
        clock.move(OutboxRelay.LONGEST_RETRY);
        relay.drain();
        assertThat(search.handled()).containsExactlyElementsOf(written);
        assertThat(deadLetters(search.name())).isZero();
        assertThat(relay.cursorOf(search.name())).isEqualTo(relay.cursorOf(webhooks.name()));
    }

    /**
     * The property the page cache relies on: a consumer declared after another never handles an event before
     * that one has, even when a writer commits more events while a pass runs, and a leader that fails holds its
     * follower back (and no other consumer).
     */
    @Test
    void aConsumerDeclaredAfterAnotherNeverPassesIt() {
        var run = run();
        ping("first" + run);
        var seenByLeader = new ArrayList<String>();
        var failLeader = new boolean[1];
        var leader = new PingConsumer("leader" + run, run, events -> {
            if (failLeader[0]) {
                throw new IllegalStateException("leader fails");
            }
            events.stream().map(e -> e.payload(Ping.class).text()).forEach(text -> {
                seenByLeader.add(text);
                if (text.equals("first" + run)) {
                    // while the leader handles "first", another writer commits "meanwhile"
                    ping("meanwhile" + run);
                }
            });
        });
        var follower = new PingConsumer("follower" + run, run, events -> { });
        var other = new PingConsumer("independent" + run, run, events -> { });
        var declared = new OutboxConsumers(List.of(OutboxConsumers.Consumer.everyNode(leader.name()),
                OutboxConsumers.Consumer.everyNode(follower.name()).after(leader.name()),
                OutboxConsumers.Consumer.oncePerCluster(other.name())));
        var relay = relay("node-a", declared, leader, follower, other);

        relay.drain();
        assertThat(seenByLeader).containsExactly("first" + run);
        assertThat(follower.texts()).as("not ahead of the leader").containsExactly("first" + run);
        relay.drain();
        assertThat(follower.texts()).containsExactly("first" + run, "meanwhile" + run);

        failLeader[0] = true;
        ping("troubled" + run);
        relay.drain();
        assertThat(follower.texts()).doesNotContain("troubled" + run);
        assertThat(other.texts()).contains("troubled" + run);
        failLeader[0] = false;
        clock.move(OutboxRelay.LONGEST_RETRY);
        relay.drain();
        assertThat(follower.texts()).endsWith("troubled" + run);
    }

    @Test
    void aOncePerClusterConsumerRunsOnOneNodeAtATimeFromOneCursor() {
        var run = run();
        ping("one" + run);
        var onA = new PingConsumer("shared" + run, run, events -> { });
        var onB = new PingConsumer("shared" + run, run, events -> { });
        var clockB = new MovableClock();
        var a = relay("node-a", cluster(onA.name()), onA);
        var b = relay("node-b", cluster(onB.name()), clockB, onB);

        a.drain();
        b.drain();
        assertThat(onA.texts()).containsExactly("one" + run);
        assertThat(onB.texts()).as("node a holds the lease").isEmpty();

        ping("two" + run);
        clockB.move(OutboxRelay.LEASE.plusSeconds(1));   // node a stopped renewing: its lease ran out
        b.drain();
        assertThat(onB.texts()).as("node b takes over from the shared cursor").containsExactly("two" + run);
        ping("three" + run);
        a.drain();
        assertThat(onA.texts()).as("node b holds the lease now").containsExactly("one" + run);
    }

    @Test
    void aLeaseIsWrittenAgainOnlyWhenHalfOfItHasRunOut() {
        var run = run();
        var shared = new PingConsumer("idle" + run, run, events -> { });
        var relay = relay("node-a", cluster(shared.name()), shared);
        relay.drain();
        long taken = leaseUntil(shared.name());

        clock.move(OutboxRelay.LEASE.dividedBy(2).minusSeconds(1));
        ping("one" + run);
        relay.drain();
        assertThat(shared.texts()).containsExactly("one" + run);
        clock.move(Duration.ofSeconds(1));
        relay.drain();
        relay.drain();
        assertThat(leaseUntil(shared.name())).as("moving the cursor renews the lease; idle passes only read it")
                .isEqualTo(taken + OutboxRelay.LEASE.dividedBy(2).minusSeconds(1).toMillis());

        clock.move(OutboxRelay.LEASE.dividedBy(2).plusSeconds(1));
        relay.drain();
        assertThat(leaseUntil(shared.name())).as("renewed once half of it has gone")
                .isEqualTo(clock.millis() + OutboxRelay.LEASE.toMillis());
    }

    @Test
    void aConsumerOnEveryNodeKeepsACursorPerNodeAndALateNodeCatchesUp() {
        var run = run();
        ping("one" + run, "two" + run);
        var onA = new PingConsumer("local" + run, run, events -> { });
        var a = relay("node-a", local(onA.name()), onA);
        a.drain();
        ping("three" + run);
        a.drain();

        var onLate = new PingConsumer("local" + run, run, events -> { });
        relay("node-late", local(onLate.name()), onLate).drain();

        assertThat(onA.texts()).containsExactly("one" + run, "two" + run, "three" + run);
        assertThat(onLate.texts()).containsExactly("one" + run, "two" + run, "three" + run);
        assertThat(jdbc.sql("select node from outbox_cursor where consumer = :c order by node")
                .param("c", onA.name()).query(String.class).list()).containsExactly("node-a", "node-late");
    }

    @Test
    void aConsumerThatIsNotDeclaredStopsTheRelay() {
        var run = run();
        var undeclared = new PingConsumer("undeclared" + run, run, events -> { });
        assertThatThrownBy(() -> relay("node-a", new OutboxConsumers(List.of()), undeclared).drain())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not declared in OutboxConsumers");
        assertThatThrownBy(() -> relay("node-a", cluster("nobody" + run)).drain())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no bean answers");
    }

    @Test
    void everyConsumerOfTheApplicationIsDeclared() {
        // the application's relay started with these beans; it refuses any that is not declared
        applicationRelay.drain();
        var lucene = OutboxConsumers.masthead(OutboxConsumers.SearchEngine.LUCENE);
        assertThat(lucene.all()).extracting(OutboxConsumers.Consumer::name)
                .contains("search-index", "search-pages", "page-cache", "webhooks", "translation-tracker");
        assertThat(lucene.scopeOf("webhooks")).isEqualTo(Scope.ONCE_PER_CLUSTER);
        assertThat(lucene.scopeOf("search-index")).as("an embedded index on each node").isEqualTo(Scope.EVERY_NODE);
        var openSearch = OutboxConsumers.masthead(OutboxConsumers.SearchEngine.OPENSEARCH);
        assertThat(openSearch.all()).extracting(OutboxConsumers.Consumer::name)
                .containsExactlyElementsOf(lucene.all().stream().map(OutboxConsumers.Consumer::name).toList());
        assertThat(openSearch.scopeOf("search-index")).as("one shared index").isEqualTo(Scope.ONCE_PER_CLUSTER);
        assertThat(openSearch.scopeOf("search-pages")).isEqualTo(Scope.ONCE_PER_CLUSTER);
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        long before = jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
        try {
            transaction.executeWithoutResult(status -> {
                outbox.append(new Ping("never"));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the change failed, so its event must not exist either
        }
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isEqualTo(before);
    }

    private static String run() {
        return "-" + System.nanoTime();
    }

    private void ping(String... texts) {
        transaction.executeWithoutResult(status -> {
            for (var text : texts) {
                outbox.append(new Ping(text));
            }
        });
    }

    private long newestEvent() {
        return jdbc.sql("select max(id) from outbox_event").query(Long.class).single();
    }

    private long leaseUntil(String consumer) {
        return jdbc.sql("select lease_until from outbox_cursor where consumer = :c and node = ''")
                .param("c", consumer).query(Long.class).single();
    }

    private long deadLetters(String consumer) {
        return jdbc.sql("select count(*) from outbox_dead_letter where consumer = :c")
                .param("c", consumer).query(Long.class).single();
    }

    private static OutboxConsumers cluster(String name) {
        return new OutboxConsumers(List.of(OutboxConsumers.Consumer.oncePerCluster(name)));
    }

    private static OutboxConsumers local(String name) {
        return new OutboxConsumers(List.of(OutboxConsumers.Consumer.everyNode(name)));
    }

    private OutboxRelay relay(String node, OutboxConsumers declared, OutboxConsumer... consumers) {
        return relay(node, declared, clock, consumers);
    }

    private OutboxRelay relay(String node, OutboxConsumers declared, Clock clock, OutboxConsumer... consumers) {
        var beans = new LinkedHashMap<String, Object>();
        for (var consumer : consumers) {
            beans.put(consumer.name() + "@" + node, consumer);
        }
        return new OutboxRelay(jdbc, json, clock, node, declared,
                new StaticListableBeanFactory(beans).getBeanProvider(OutboxConsumer.class));
    }

    /** Throws on the first {@code times} batches that hold {@code text}. */
    private static Consumer<List<OutboxEvent>> failing(String text, int times) {
        var left = new int[] {times};
        return events -> {
            if (left[0] > 0 && events.stream().anyMatch(e -> e.payload(Ping.class).text().equals(text))) {
                left[0]--;
                throw new IllegalStateException("cannot handle " + text);
            }
        };
    }

    /** Records the texts of this run's pings it is handed, before {@code then} may fail the batch. */
    static final class PingConsumer implements OutboxConsumer {

        private final String name;
        private final String run;
        private final Consumer<List<OutboxEvent>> then;
        private final List<String> texts = new CopyOnWriteArrayList<>();
        private final List<String> handled = new CopyOnWriteArrayList<>();
        private final Set<String> types = new java.util.concurrent.ConcurrentSkipListSet<>();
        private int calls;

        PingConsumer(String name, String run, Consumer<List<OutboxEvent>> then) {
            this.name = name;
            this.run = run;
            this.then = then;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> eventTypes() {
            return OutboxEvent.typesOf(Ping.class);
        }

        @Override
        public void handle(List<OutboxEvent> events) {
            calls++;
            var mine = events.stream().filter(e -> e.payload(Ping.class).text().endsWith(run)).toList();
            events.forEach(e -> types.add(e.type()));
            mine.forEach(e -> texts.add(e.payload(Ping.class).text()));
            if (!mine.isEmpty()) {
                then.accept(mine);
            }
            mine.forEach(e -> handled.add(e.payload(Ping.class).text()));
        }

        /** The texts of batches it handled without failing. */
        List<String> handled() {
            return handled;
        }

        List<String> texts() {
            return texts;
        }

        Set<String> types() {
            return types;
        }

        int calls() {
            return calls;
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
