package org.masthead.platform.db;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code NOTIFY} to send and one dedicated connection per node that {@code LISTEN}s. Channels are
 * scoped to the schema, so several installations (or test runs) sharing one database do not hear
 * each other; a node ignores its own messages, since whoever sends has already acted locally.
 */
final class PostgresBroadcast implements NodeBroadcast, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresBroadcast.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile String scope = "";
    private volatile boolean running;
    private volatile @Nullable Thread listenerThread;

    PostgresBroadcast(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void send(String channel, String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("Message longer than " + MAX_MESSAGE_BYTES + " bytes on " + channel);
        }
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", scoped(channel))
                .param("payload", node + "\n" + message)
                .query().singleRow();
    }

    @Override
    public void listen(String channel, Listener listener) {
        if (running) {
            throw new IllegalStateException("Listen to " + channel + " before the application starts");
        }
        listeners.computeIfAbsent(scoped(channel), c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private String scoped(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Channel names are short lower-case identifiers: " + channel);
        }
        if (scope.isEmpty()) {
            scope = jdbc.sql("select current_schema()").query(String.class).single()
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }
        // PostgreSQL identifiers are at most 63 bytes
        var name = channel + "__" + scope;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @Override
    public void start() {
        running = true;
        listenerThread = Thread.ofPlatform().name("node-broadcast").daemon(true).start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        var thread = listenerThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        while (running) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    for (var channel : listeners.keySet()) {
                        statement.execute("listen \"" + channel + "\"");
                    }
                }
                // anything sent while this node was not listening is lost: let listeners recover
                listeners.values().forEach(list -> list.forEach(Listener::missedMessages));
                var notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    var received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (var notification : received) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the notification connection; reconnecting", e);
                    pause();
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        int separator = payload.indexOf('\n');
        if (separator < 0 || payload.substring(0, separator).equals(node)) {
            return;
        }
        var message = payload.substring(separator + 1);
        for (var listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.received(message);
            } catch (RuntimeException e) {
                log.error("Listener of {} failed on a message", channel, e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
