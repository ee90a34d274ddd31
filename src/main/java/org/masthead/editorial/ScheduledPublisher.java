package org.masthead.editorial;

import org.masthead.platform.db.ClusterLocks;
import org.masthead.platform.db.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled stories when their time comes: a database query every few seconds and once at
 * start-up, never an in-memory timer, so nothing is lost when the server was down at that moment. However many
 * nodes run, one polls at a time (a PostgreSQL advisory lock, {@link ClusterLocks}); and each due story is
 * claimed in its own transaction besides, so it is published once even by two runs.
 */
@Component
class ScheduledPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final EditorialWorkflow workflow;
    private final ClusterLocks locks;
    /** Polling waits until start-up work (migrations, demo seeding, the catch-up run) is done. */
    private volatile boolean started;

    ScheduledPublisher(EditorialWorkflow workflow, ClusterLocks locks) {
        this.workflow = workflow;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        started = true;
        int published = publishDue();
        if (published > 0) {
            log.info("Published {} scheduled stories that fell due while Masthead was not running", published);
        }
    }

    @Scheduled(fixedDelayString = "${masthead.editorial.schedule-poll-interval:5s}")
    void poll() {
        if (!started) {
            return;
        }
        try {
            publishDue();
        } catch (RuntimeException e) {
            log.error("Scheduled publishing failed; will try again at the next poll", e);
        }
    }

    /** Stories published by this round; none when another node is polling right now. */
    int publishDue() {
        var published = new int[1];
        locks.runAlone(SqlDialect.LockSpace.SCHEDULER, () -> published[0] = workflow.publishDue());
        return published[0];
    }
}
