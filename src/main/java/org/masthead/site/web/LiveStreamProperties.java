package org.masthead.site.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event streams of live blogs treat readers that fall behind.
 *
 * @param slowReader a reader whose connection takes nothing this long while something waits for it is dropped
 * @param readerQueue a reader whose connection is still busy when more than this many changes wait for it is
 *        dropped at once: what waits is only a place in the live blog's shared list of recent changes, so a stalled
 *        reader holds no memory of its own, and its browser reconnects from the last event it had
 */
@ConfigurationProperties("masthead.live-streams")
record LiveStreamProperties(
        @DefaultValue("10s") Duration slowReader,
        @DefaultValue("16") int readerQueue) {
}
