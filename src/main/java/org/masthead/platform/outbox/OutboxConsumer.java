package org.masthead.platform.outbox;

import java.util.List;
import java.util.Set;

/**
 * Reacts to committed events after the fact, at least once: a crash between handling and moving
 * the cursor hands the same events over again, so {@link #handle} must be idempotent. Every consumer is
 * declared, with its scope and place, in {@link OutboxConsumers}; the relay refuses to start with one
 * that is not.
 */
public interface OutboxConsumer {

    /** Stable name: the relay keeps the consumer's cursors under it in the database. */
    String name();

    /** The types of event it takes, from {@link OutboxEvent#typesOf}; the relay hands it no other. */
    Set<String> eventTypes();

    /**
     * Handles committed events of its {@link #eventTypes}, oldest first, as one batch: work that can be done
     * once for several events (an index commit, one reading of a story) should be. When it throws, the relay
     * hands the same events again later, one at a time to find the one at fault.
     */
    void handle(List<OutboxEvent> events) throws Exception;

    /**
     * Thrown when what the consumer writes to (a search engine, a network service) cannot be reached: the
     * events are not at fault, so the relay waits, with growing pauses, and tries the same events again for
     * as long as it takes, instead of setting any of them aside.
     */
    class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
