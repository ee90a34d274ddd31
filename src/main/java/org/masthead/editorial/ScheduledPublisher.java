package org.masthead.editorial;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled stories when their time comes: a database query every few seconds and once at
 * start-up, never an in-memory timer, so nothing is lost when the server was down at that moment.
 */
@Component
class ScheduledPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final EditorialWorkflow workflow;
    /** Polling waits until start-up work (migrations, demo seeding, the catch-up run) is done. */
    private volatile boolean started;

    ScheduledPublisher(EditorialWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void run(ApplicationArguments args) {
        started = true;
        int published = workflow.publishDue();
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
            workflow.publishDue();
        } catch (RuntimeException e) {
            log.error("Scheduled publishing failed; will try again at the next poll", e);
        }
    }
}
