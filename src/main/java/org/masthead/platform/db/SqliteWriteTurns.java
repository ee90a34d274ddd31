package org.masthead.platform.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The writers of one SQLite file in this process take turns here, in Java, before they ask SQLite for its write
 * lock, so that SQLite's busy handler only ever waits for a writer of another process (an import run beside
 * Masthead). The busy handler sleeps between its tries inside the driver's native call, and a virtual thread in a
 * native call cannot unmount: it holds its carrier for the whole wait. There is one carrier per core, so on two
 * cores one waiting writer (a publishing request, a scheduled task) halves what every other virtual thread gets,
 * page cache hits included, and two stop them all, the lock's holder too when it has to run again to commit, until
 * one of them gets the lock. A writer waiting for its turn parks and gives its carrier back.
 *
 * <p>A write-pool connection takes a turn when it begins a transaction ({@code setAutoCommit(false)}) and gives it
 * back when the transaction ends ({@code setAutoCommit(true)}, or the connection's close); the driver's commit and
 * rollback begin the next transaction at once, within the same turn. A statement outside a transaction that may write
 * (anything but a select) holds a turn from its execution to its close. Turns are fair, so writers go in the order
 * they came (the busy handler let in whichever woke first); reentrant, so a thread that opens a second transaction
 * while it holds one waits for SQLite, as before, not for itself forever; and waited for at most the busy timeout of
 * the URL, after which the writer fails as it would have failed in the busy handler.
 */
final class SqliteWriteTurns {

    /** sqlite-jdbc's busy timeout when the URL sets none. */
    static final long DEFAULT_BUSY_TIMEOUT_MILLIS = 3000;

    /** One lock per database file, shared by every pool of this process that writes to it. */
    private static final ConcurrentMap<String, ReentrantLock> BY_FILE = new ConcurrentHashMap<>();

    private final ReentrantLock lock;
    private final long timeoutMillis;

    private SqliteWriteTurns(ReentrantLock lock, long timeoutMillis) {
        this.lock = lock;
        this.timeoutMillis = timeoutMillis;
    }

    /** The turns of the database file that {@code url} names, waited for as long as its busy timeout. */
    static SqliteWriteTurns of(String url) {
        int query = url.indexOf('?');
        var file = query < 0 ? url : url.substring(0, query);
        var lock = BY_FILE.computeIfAbsent(file, f -> new ReentrantLock(true));
        return new SqliteWriteTurns(lock, busyTimeoutMillis(url));
    }

    static long busyTimeoutMillis(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (var parameter : url.substring(query + 1).split("&")) {
                if (parameter.toLowerCase(Locale.ROOT).startsWith("busy_timeout=")) {
                    return Long.parseLong(parameter.substring("busy_timeout=".length()));
                }
            }
        }
        return DEFAULT_BUSY_TIMEOUT_MILLIS;
    }

    /** Whether {@code sql} may write: anything but a query. */
    static boolean mayWrite(@Nullable String sql) {
        if (sql == null) {
            return true;
        }
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        return !sql.regionMatches(true, start, "select", 0, "select".length());
    }

    /** {@code writes}, each of whose connections takes a turn for each transaction and each write outside one. */
    DataSource taking(DataSource writes) {
        return new ProxiedConnections(writes) {
            @Override
            InvocationHandler handler(Connection connection) {
                return new TurnedConnection(connection);
            }
        };
    }

    private static @Nullable Object call(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A connection of the write pool, used by one thread at a time as every pooled connection is. */
    private final class TurnedConnection implements InvocationHandler {

        private final Connection connection;
        /** Turns taken and not given back: one for the open transaction, one for each statement writing outside it. */
        private int held;
        private boolean inTransaction;

        TurnedConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    setAutoCommit((Boolean) args[0]);
                    return null;
                }
                case "close" -> {
                    try {
                        return call(connection, method, args);
                    } finally {
                        inTransaction = false;
                        while (held > 0) {
                            giveBack();
                        }
                    }
                }
                case "createStatement", "prepareStatement" -> {
                    var statement = call(connection, method, args);
                    var sql = method.getName().equals("prepareStatement") ? (String) args[0] : null;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {method.getReturnType()}, new TurnedStatement((Statement) statement, sql));
                }
                default -> {
                    return call(connection, method, args);
                }
            }
        }

        private void setAutoCommit(boolean autoCommit) throws SQLException {
            if (!autoCommit && !inTransaction && connection.getAutoCommit()) {
                take();
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException | RuntimeException e) {
                    giveBack();
                    throw e;
                }
                inTransaction = true;
                return;
            }
            try {
                connection.setAutoCommit(autoCommit);
            } finally {
                if (autoCommit && inTransaction) {
                    inTransaction = false;
                    giveBack();
                }
            }
        }

        /** Whether a statement that runs {@code sql} now must take a turn: a write outside a transaction. */
        boolean needsTurn(@Nullable String sql) throws SQLException {
            return mayWrite(sql) && !inTransaction && connection.getAutoCommit();
        }

        void take() throws SQLException {
            try {
                if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    throw new SQLTimeoutException("The database is locked: other writers of this process held it for "
                            + timeoutMillis + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting to write to the database", e);
            }
            held++;
        }

        /** Gives back one turn, unless the connection's close gave back every turn already. */
        void giveBack() {
            if (held > 0) {
                held--;
                lock.unlock();
            }
        }

        /** A statement of the connection: one that writes outside a transaction holds a turn until it closes. */
        private final class TurnedStatement implements InvocationHandler {

            private final Statement statement;
            /** The prepared statement's SQL; null for a plain statement, whose SQL comes with each call. */
            private final @Nullable String sql;
            private boolean holds;

            TurnedStatement(Statement statement, @Nullable String sql) {
                this.statement = statement;
                this.sql = sql;
            }

            @Override
            public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
                if (method.getName().startsWith("execute") && !holds) {
                    var executed = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                    if (needsTurn(executed)) {
                        take();
                        holds = true;
                    }
                }
                if (!method.getName().equals("close")) {
                    return call(statement, method, args);
                }
                try {
                    return call(statement, method, args);
                } finally {
                    if (holds) {
                        holds = false;
                        giveBack();
                    }
                }
            }
        }
    }
}
