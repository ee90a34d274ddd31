package org.masthead.platform.outbox;

/**
 * Reacts to committed events after the fact, at least once: a crash between handling and moving
 * the cursor hands the same event over again, so {@link #handle} must be idempotent.
 */
public interface OutboxConsumer {

    /** Stable name: the relay keeps one cursor per name in the database. */
    String name();

    void handle(OutboxEvent event) throws Exception;
}
