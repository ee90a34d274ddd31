package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.StoryStatus;
import org.masthead.content.Taxonomy;
import org.masthead.platform.db.ClusterLocks;
import org.masthead.platform.db.SqlDialect;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * However many nodes poll, one runs the scheduled publisher at a time: while another node holds the
 * scheduler's lock (on PostgreSQL an advisory lock taken on a connection of its own, as another node's would
 * be), a poll publishes nothing; once it is released the due story goes live.
 */
@MastheadTest
class ScheduledPublisherIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired ScheduledPublisher publisher;
    @Autowired ClusterLocks locks;
    @Autowired SqlDialect dialect;
    @Autowired DataSource dataSource;

    @Test
    void aPollWhileAnotherNodeHoldsTheSchedulerPublishesNothing() throws Exception {
        long id = new Fixtures(stories, taxonomy).story().in(EN, Fixtures.unique("Due while locked")).draft();
        try (var otherNode = new HeldLock()) {
            stories.moveTo(id, StoryStatus.SCHEDULED, Instant.now().minusSeconds(60));
            stories.approve(id);

            assertThat(publisher.publishDue()).isZero();
            assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);
        }
        publisher.publishDue();   // the background poll may have been first: either publishes it, once
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
    }

    /** The scheduler's lock held elsewhere: another session on PostgreSQL, another thread on SQLite. */
    private final class HeldLock implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final java.sql.Connection connection;
        private final Thread holder;

        HeldLock() throws Exception {
            if (dialect == SqlDialect.POSTGRESQL) {
                connection = dataSource.getConnection();
                try (var statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + SqlDialect.LockSpace.SCHEDULER.ordinal() + ", 0)");
                }
                holder = null;
            } else {
                connection = null;
                var held = new CountDownLatch(1);
                holder = Thread.ofPlatform().start(() -> locks.runAlone(SqlDialect.LockSpace.SCHEDULER, () -> {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Override
        public void close() throws Exception {
            if (connection != null) {
                try (var statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + SqlDialect.LockSpace.SCHEDULER.ordinal() + ", 0)");
                }
                connection.close();
            } else {
                release.countDown();
                holder.join();
            }
        }
    }
}
