package org.masthead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;

class ReadModelTest {

    private static final int READERS = 16;

    private final ReadModel model = new ReadModel(1000, new SimpleMeterRegistry());

    record Key(long story) {
    }

    @Test
    void concurrentRequestsForAValueNotKnownYetLoadItOnce() throws Exception {
        var loads = new AtomicInteger();
        var release = new CountDownLatch(1);
        var key = new Key(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<Future<String>>();
            for (int i = 0; i < READERS; i++) {
                answers.add(threads.submit(() -> model.get(key, () -> {
                    loads.incrementAndGet();
                    hold(release);
                    return "story one";
                }, value -> tags())));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> model.waitingFor(key) == READERS - 1);
            release.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo("story one");
            }
        }
        assertThat(loads).hasValue(1);
        assertThat(model.get(key, () -> "loaded again", value -> tags())).as("kept").isEqualTo("story one");
    }

    @Test
    void aFailedLoadFailsItsWaitersOnlyIfTheirOwnLoadFailsToo() throws Exception {
        var release = new CountDownLatch(1);
        var key = new Key(2);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var failing = threads.submit(() -> model.get(key, () -> {
                hold(release);
                throw new IllegalStateException("database gone");
            }, value -> tags()));
            await().atMost(Duration.ofSeconds(10)).until(() -> model.loadUnderWay(key));
            var waiter = threads.submit(() -> model.get(key, () -> "second try", value -> tags()));
            await().atMost(Duration.ofSeconds(10)).until(() -> model.waitingFor(key) == 1);
            release.countDown();
            assertThat(waiter.get()).isEqualTo("second try");
            assertThatThrownBy(failing::get).hasRootCauseMessage("database gone");
        }
    }

    @Test
    void anEvictionStartsNewLoadsWhileTheOneUnderWayIsNotKept() throws Exception {
        var release = new CountDownLatch(1);
        var key = new Key(3);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var before = threads.submit(() -> model.get(key, () -> {
                hold(release);
                return "before the correction";
            }, value -> tags()));
            await().atMost(Duration.ofSeconds(10)).until(() -> model.loadUnderWay(key));
            model.evict(Set.of("story:3"), Set.of());
            assertThat(model.get(key, () -> "after the correction", value -> tags())).isEqualTo("after the correction");
            release.countDown();
            assertThat(before.get()).isEqualTo("before the correction");
        }
        assertThat(model.get(key, () -> "loaded again", value -> tags())).isEqualTo("after the correction");
    }

    private static ReadModel.Tags tags() {
        return ReadModel.Tags.of(Language.EN, Set.of("story:1", "story:2", "story:3"));
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
