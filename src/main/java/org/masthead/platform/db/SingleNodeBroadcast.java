package org.masthead.platform.db;

/** SQLite is one file behind one application node: there are no other nodes to tell. */
final class SingleNodeBroadcast implements NodeBroadcast {

    @Override
    public void send(String channel, String message) {
        // no other node exists
    }

    @Override
    public void listen(String channel, Listener listener) {
        // nothing will ever arrive
    }
}
