package org.masthead.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * SQLite behind two pools: one for writes and one for reads. Write transactions begin IMMEDIATE on the
 * write pool (its URL says {@code transaction_mode=IMMEDIATE}), so two writers queue for the one write lock
 * at the start instead of failing half-way; read-only transactions run DEFERRED on the read pool, where in
 * WAL mode every connection reads its own snapshot at once, alongside the writer and each other. Before
 * this split, read transactions also began IMMEDIATE: each took the file's write lock, so page renders
 * queued one behind another in SQLite's busy handler (which sleeps inside the driver's native call,
 * holding the carrier of the virtual thread), whatever the number of cores. Writers of this process wait for one
 * another in Java ({@link SqliteWriteTurns}), never in the busy handler.
 *
 * <p>Which pool a transaction uses is decided at its first statement ({@link LazyConnectionDataSourceProxy}):
 * a transaction marked read-only reads; everything else (read-write transactions, statements outside any
 * transaction) goes to the write pool.
 */
final class SqlitePools extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final HikariDataSource writes;
    private final HikariDataSource reads;

    SqlitePools(HikariDataSource writes, int readConnections) {
        this.writes = writes;
        if (writes.getPoolName() == null) {
            writes.setPoolName("sqlite-writes");
        }
        this.reads = new HikariDataSource(readConfig(writes, readConnections));
        setTargetDataSource(SqliteWriteTurns.of(writes.getJdbcUrl()).taking(SqliteLockRecovery.recovering(writes)));
        setReadOnlyDataSource(SqliteLockRecovery.recovering(reads));
        afterPropertiesSet();
    }

    /** The write pool's settings with DEFERRED transactions and its own size. */
    static HikariConfig readConfig(HikariDataSource writes, int readConnections) {
        var config = new HikariConfig();
        writes.copyStateTo(config);
        config.setPoolName("sqlite-reads");
        config.setJdbcUrl(readUrl(writes.getJdbcUrl()));
        config.setMaximumPoolSize(readConnections);
        config.setMinimumIdle(Math.min(readConnections, Math.max(1, config.getMinimumIdle())));
        return config;
    }

    /** The URL without {@code transaction_mode}: the driver's default, DEFERRED. */
    static String readUrl(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        var kept = new StringBuilder();
        for (var parameter : url.substring(query + 1).split("&")) {
            if (!parameter.isEmpty() && !parameter.toLowerCase(java.util.Locale.ROOT).startsWith("transaction_mode=")) {
                kept.append(kept.isEmpty() ? "" : "&").append(parameter);
            }
        }
        return kept.isEmpty() ? url.substring(0, query) : url.substring(0, query + 1) + kept;
    }

    HikariDataSource writePool() {
        return writes;
    }

    HikariDataSource readPool() {
        return reads;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) throws SQLException {
        // health and metrics look at the write pool, the one a database outage shows in first
        return type.isInstance(writes) ? (T) writes : super.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(writes) || super.isWrapperFor(type);
    }

    @Override
    public void close() {
        reads.close();
        writes.close();
    }

    static boolean isSqlite(DataSource dataSource) {
        return dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:sqlite:");
    }
}
