package org.masthead.platform.db;

/**
 * Short messages from this application node to every other node sharing the database, for state
 * each node keeps in memory (such as its page cache). On SQLite there is exactly one node, so there
 * is no one to tell; on PostgreSQL messages travel through {@code LISTEN}/{@code NOTIFY}.
 * Delivery is best effort: a node that loses its connection is told through
 * {@link Listener#missedMessages()} so it can drop what it can no longer trust.
 */
public interface NodeBroadcast {

    /** Sends {@code message} (at most {@link #MAX_MESSAGE_BYTES} in UTF-8) to every other node's listeners of {@code channel}. */
    void send(String channel, String message);

    /** Registers a listener of {@code channel}; listeners are called one after another in registration order. */
    void listen(String channel, Listener listener);

    /** PostgreSQL's notification payload limit is 8000 bytes; the node id and separator take the rest. */
    int MAX_MESSAGE_BYTES = 7900;

    interface Listener {

        void received(String message);

        /** The connection to the other nodes was lost for a while: messages may have been missed. */
        void missedMessages();
    }
}
