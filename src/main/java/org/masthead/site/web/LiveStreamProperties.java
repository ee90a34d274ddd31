package org.masthead.site.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many event streams of live blogs a node holds, and how they treat readers that fall behind.
 *
 * @param slowReader a reader whose connection takes nothing this long while something waits for it is dropped
 * @param readerQueue a reader whose connection is still busy when more than this many changes wait for it is
 *        dropped at once: what waits is only a place in the live blog's shared list of recent changes, so a stalled
 *        reader holds no memory of its own, and its browser reconnects from the last event it had
 * @param maxOpen the streams (live blogs' and banners') one node holds at most; past it a new stream is answered
 *        503 with {@code Retry-After}, so that the connections and memory the streams take leave room for pages
 * @param retryAfter the least wait such an answer asks for; each asks for up to twice as long, so that readers
 *        turned away together do not all come back together
 */
@ConfigurationProperties("masthead.live-streams")
record LiveStreamProperties(
        @DefaultValue("10s") Duration slowReader,
        @DefaultValue("16") int readerQueue,
        @DefaultValue("6000") int maxOpen,
        @DefaultValue("10s") Duration retryAfter) {
}
