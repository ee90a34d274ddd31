package org.masthead.editorial;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces front-page pins and banners that ran out, by a database query every few seconds and once at
 * start-up (as {@link ScheduledPublisher} publishes), so the cached pages that still show them go (and open
 * pages take a banner down through their event stream); a banner's expiry is audited.
 */
@Component
class FrontPageClock implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FrontPageClock.class);

    private final FrontPageDesk fronts;
    private volatile boolean started;

    FrontPageClock(FrontPageDesk fronts) {
        this.fronts = fronts;
    }

    @Override
    public void run(ApplicationArguments args) {
        started = true;
        fronts.announceExpiries();
    }

    @Scheduled(fixedDelayString = "${masthead.editorial.schedule-poll-interval:5s}")
    void poll() {
        if (!started) {
            return;
        }
        try {
            fronts.announceExpiries();
        } catch (RuntimeException e) {
            log.error("Announcing expired pins and banners failed; will try again at the next poll", e);
        }
    }
}
