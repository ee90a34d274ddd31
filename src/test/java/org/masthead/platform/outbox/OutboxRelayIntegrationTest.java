package org.masthead.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@MastheadTest
class OutboxRelayIntegrationTest {

    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired TransactionTemplate transaction;

    record Ping(String text) {
    }

    @Test
    void aNewConsumerStartsFromTheBeginningAndAFailureIsRetriedFromItsCursor() {
        transaction.executeWithoutResult(status -> {
            outbox.append(new Ping("one"));
            outbox.append(new Ping("two"));
        });
        var flaky = new FlakyConsumer("flaky-" + System.nanoTime(), "two", 1);

        relayFor(flaky).drain();
        assertThat(flaky.texts()).endsWith("one", "two");   // "two" failed once and was not acknowledged
        relayFor(flaky).drain();                            // a fresh relay, as after a restart
        assertThat(flaky.texts()).endsWith("one", "two", "two");
        assertThat(flaky.texts().stream().filter("one"::equals).count()).isEqualTo(1);
    }

    @Test
    void anEventThatKeepsFailingIsSetAsideSoLaterEventsStillArrive() {
        transaction.executeWithoutResult(status -> {
            outbox.append(new Ping("poison"));
            outbox.append(new Ping("after"));
        });
        var consumer = new FlakyConsumer("stubborn-" + System.nanoTime(), "poison", Integer.MAX_VALUE);
        var relay = relayFor(consumer);

        for (int attempt = 1; attempt < OutboxRelay.MAX_ATTEMPTS; attempt++) {
            relay.drain();
            assertThat(consumer.texts()).doesNotContain("after");
        }
        relay.drain();
        assertThat(consumer.texts()).endsWith("poison", "after");
        assertThat(jdbc.sql("select count(*) from outbox_dead_letter where consumer = :c")
                .param("c", consumer.name()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLaterConsumerNeverHandlesAnEventBeforeAnEarlierOneHas() {
        var run = "-" + System.nanoTime();
        transaction.executeWithoutResult(status -> outbox.append(new Ping("first" + run)));
        var seenByFirst = new ArrayList<String>();
        var seenBySecond = new ArrayList<String>();
        // while the first consumer handles "first", another writer commits "meanwhile"
        var first = new TextConsumer("first" + run, 0, run, text -> {
            seenByFirst.add(text);
            if (text.equals("first" + run)) {
                transaction.executeWithoutResult(status -> outbox.append(new Ping("meanwhile" + run)));
            }
        });
        var second = new TextConsumer("second" + run, 1, run, seenBySecond::add);
        var relay = relayFor(first, second);

        relay.drain();
        assertThat(seenByFirst).containsExactly("first" + run);
        assertThat(seenBySecond).as("not ahead of the first consumer").containsExactly("first" + run);
        relay.drain();
        assertThat(seenBySecond).containsExactly("first" + run, "meanwhile" + run);
    }

    @Test
    void aFailingConsumerHoldsBackTheConsumersAfterIt() {
        var run = "-" + System.nanoTime();
        transaction.executeWithoutResult(status -> outbox.append(new Ping("troubled" + run)));
        var seenBySecond = new ArrayList<String>();
        var failing = new TextConsumer("failing" + run, 0, run, text -> {
            throw new IllegalStateException("cannot handle " + text);
        });
        var second = new TextConsumer("second" + run, 1, run, seenBySecond::add);
        var relay = relayFor(failing, second);

        relay.drain();
        assertThat(seenBySecond).isEmpty();
        for (int attempt = 2; attempt <= OutboxRelay.MAX_ATTEMPTS; attempt++) {
            relay.drain();   // the last attempt sets the event aside, and the next consumer may have it
        }
        assertThat(seenBySecond).containsExactly("troubled" + run);
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

    private OutboxRelay relayFor(OutboxConsumer... consumers) {
        var beans = new LinkedHashMap<String, Object>();
        for (var consumer : consumers) {
            beans.put(consumer.name(), consumer);
        }
        return new OutboxRelay(jdbc, json, new StaticListableBeanFactory(beans).getBeanProvider(OutboxConsumer.class));
    }

    /** Hands the texts of this run's pings to {@code texts}, in the place {@code order} gives it. */
    record TextConsumer(String name, int order, String run, Consumer<String> texts) implements OutboxConsumer, Ordered {

        @Override
        public void handle(OutboxEvent event) {
            if (event.type().equals("Ping") && event.payload(Ping.class).text().endsWith(run)) {
                texts.accept(event.payload(Ping.class).text());
            }
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    /** Fails the first {@code failures} times it sees {@code failOn}, then succeeds. */
    static final class FlakyConsumer implements OutboxConsumer {

        private final String name;
        private final String failOn;
        private final List<String> texts = new ArrayList<>();
        private int failuresLeft;

        FlakyConsumer(String name, String failOn, int failures) {
            this.name = name;
            this.failOn = failOn;
            this.failuresLeft = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void handle(OutboxEvent event) {
            if (!event.type().equals("Ping")) {
                return;
            }
            var text = event.payload(Ping.class).text();
            texts.add(text);
            if (text.equals(failOn) && failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("first delivery of " + text + " fails");
            }
        }

        List<String> texts() {
            return texts;
        }
    }
}
