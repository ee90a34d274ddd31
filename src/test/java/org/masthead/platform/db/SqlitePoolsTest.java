package org.masthead.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SQLite's two pools on a real database file: reads go on while a writer holds the write lock. */
class SqlitePoolsTest {

    @TempDir Path folder;

    @Test
    void theReadUrlDropsOnlyTheTransactionMode() {
        assertThat(SqlitePools.readUrl("jdbc:sqlite:/d/m.db?journal_mode=WAL&transaction_mode=IMMEDIATE&foreign_keys=true"))
                .isEqualTo("jdbc:sqlite:/d/m.db?journal_mode=WAL&foreign_keys=true");
        assertThat(SqlitePools.readUrl("jdbc:sqlite:/d/m.db?transaction_mode=IMMEDIATE")).isEqualTo("jdbc:sqlite:/d/m.db");
        assertThat(SqlitePools.readUrl("jdbc:sqlite:/d/m.db")).isEqualTo("jdbc:sqlite:/d/m.db");
    }

    @Test
    void readOnlyTransactionsReadWhileAWriterHoldsTheLock() throws Exception {
        var writes = new HikariDataSource();
        writes.setJdbcUrl("jdbc:sqlite:" + folder.resolve("m.db")
                + "?journal_mode=WAL&busy_timeout=200&transaction_mode=IMMEDIATE");
        writes.setMaximumPoolSize(2);
        try (var pools = new SqlitePools(writes, 2)) {
            var jdbc = new JdbcTemplate(pools);
            jdbc.execute("create table t (n integer)");
            jdbc.execute("insert into t values (1)");
            var transactions = new DataSourceTransactionManager(pools);
            var reading = new TransactionTemplate(transactions);
            reading.setReadOnly(true);
            var writing = new TransactionTemplate(transactions);

            // another writer holds the write lock, as a long save would
            try (var holder = writes.getConnection()) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("insert into t values (2)");

                Integer seen = reading.execute(status -> jdbc.queryForObject("select count(*) from t", Integer.class));
                assertThat(seen).as("a read-only transaction sees the last commit at once").isEqualTo(1);
                assertThatThrownBy(() -> writing.executeWithoutResult(status -> jdbc.execute("insert into t values (3)")))
                        .as("a write transaction waits for the lock (here at most 200 ms)")
                        .hasStackTraceContaining("SQLITE_BUSY");
                holder.rollback();
            }
            assertThat(pools.readPool().getPoolName()).isEqualTo("sqlite-reads");
            assertThat(pools.unwrap(HikariDataSource.class)).isSameAs(writes);
        }
    }
}
