package org.masthead.platform.db;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers of one SQLite file take turns in Java, on a real database file: a virtual thread waiting to write gives
 * its carrier back, however many wait.
 */
class SqliteWriteTurnsTest {

    /** Far longer than anything here takes; only a stall reaches it. */
    private static final long STALL_SECONDS = 20;

    @TempDir Path folder;

    @Test
    void writersWaitingForTheLockLeaveTheCarriersToOtherVirtualThreads() throws Exception {
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        int waiting = carriers + 1;
        try (var pools = pools(60_000, waiting + 1); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var jdbc = new JdbcTemplate(pools);
            var writing = new TransactionTemplate(new DataSourceTransactionManager(pools));
            jdbc.execute("create table t (n integer)");
            // the writers' two ways, in a transaction and outside one, once before they run
            writing.executeWithoutResult(status -> jdbc.update("insert into t values (0)"));
            jdbc.update("delete from t where n < 0");
            fill(pools.writePool(), waiting + 1);

            var writes = new ArrayList<Future<?>>();
            // a save in progress holds the write lock
            try (var holder = midTransaction(pools)) {
                var started = new CountDownLatch(waiting);
                for (int i = 0; i < waiting; i++) {
                    boolean inTransaction = i % 2 == 0;
                    writes.add(threads.submit(() -> {
                        started.countDown();
                        if (inTransaction) {
                            writing.executeWithoutResult(status -> jdbc.update("insert into t values (2)"));
                        } else {
                            jdbc.update("insert into t values (2)");
                        }
                    }));
                }
                assertThat(started.await(STALL_SECONDS, SECONDS)).as("every writer found a carrier to start on")
                        .isTrue();
                var other = new CountDownLatch(1);
                threads.submit(other::countDown);
                assertThat(other.await(STALL_SECONDS, SECONDS))
                        .as("another virtual thread runs while %d writers wait for the lock", waiting).isTrue();
                holder.commit();
                holder.setAutoCommit(true);
            }
            for (var write : writes) {
                write.get(STALL_SECONDS, SECONDS);
            }
            assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isEqualTo(waiting + 2);
        }
    }

    @Test
    void aConnectionClosedInTheMiddleOfATransactionGivesTheLockBack() throws Exception {
        try (var pools = pools(60_000, 2); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var jdbc = new JdbcTemplate(pools);
            jdbc.execute("create table t (n integer)");
            midTransaction(pools).close();
            threads.submit(() -> jdbc.update("insert into t values (2)")).get(STALL_SECONDS, SECONDS);
            assertThat(jdbc.queryForList("select n from t", Integer.class)).containsExactly(2);
        }
    }

    @Test
    void aWriterWaitsForTheOthersOfThisProcessAtMostTheBusyTimeout() throws Exception {
        try (var pools = pools(200, 2); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var jdbc = new JdbcTemplate(pools);
            jdbc.execute("create table t (n integer)");
            try (var holder = midTransaction(pools)) {
                var late = threads.submit(() -> jdbc.update("insert into t values (2)"));
                assertThatThrownBy(() -> late.get(STALL_SECONDS, SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasRootCauseInstanceOf(SQLTimeoutException.class);
                holder.commit();
                holder.setAutoCommit(true);
            }
            jdbc.update("insert into t values (3)");
            assertThat(jdbc.queryForList("select n from t order by n", Integer.class)).containsExactly(1, 3);
        }
    }

    /** A connection of {@code pools} in a transaction that wrote a row, 1. */
    private static Connection midTransaction(DataSource pools) throws SQLException {
        var connection = pools.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("insert into t values (1)");
        }
        return connection;
    }

    /**
     * Opens the pool's connections beforehand, so that no writer parks for one to be opened: each goes straight from
     * its start to the lock.
     */
    private static void fill(HikariDataSource pool, int connections) throws SQLException {
        var open = new ArrayList<Connection>();
        for (int i = 0; i < connections; i++) {
            open.add(pool.getConnection());
        }
        for (var connection : open) {
            connection.close();
        }
    }

    private SqlitePools pools(long busyTimeoutMillis, int writeConnections) {
        var writes = new HikariDataSource();
        writes.setJdbcUrl("jdbc:sqlite:" + folder.resolve("m.db") + "?journal_mode=WAL&busy_timeout="
                + busyTimeoutMillis + "&transaction_mode=IMMEDIATE");
        writes.setMaximumPoolSize(writeConnections);
        writes.setMinimumIdle(writeConnections);
        return new SqlitePools(writes, 2);
    }
}
