package org.masthead.platform.db;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Work that one node of the cluster does at a time (the scheduled publisher's poll). On PostgreSQL a
 * session-level advisory lock held on a connection of its own for as long as the work runs, so however many
 * nodes poll, one runs and the others skip that round; on SQLite, which has one node, a lock in memory.
 */
@Component
public class ClusterLocks {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Map<SqlDialect.LockSpace, ReentrantLock> local = new EnumMap<>(SqlDialect.LockSpace.class);

    ClusterLocks(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        for (var space : SqlDialect.LockSpace.values()) {
            local.put(space, new ReentrantLock());
        }
    }

    /** Runs {@code work} unless another node (or thread) holds {@code space}; true when it ran. */
    public boolean runAlone(SqlDialect.LockSpace space, Runnable work) {
        var lock = local.get(space);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            return dialect == SqlDialect.POSTGRESQL ? runUnderAdvisoryLock(space, work) : run(work);
        } finally {
            lock.unlock();
        }
    }

    private static boolean run(Runnable work) {
        work.run();
        return true;
    }

    private boolean runUnderAdvisoryLock(SqlDialect.LockSpace space, Runnable work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            boolean held;
            try (var take = connection.prepareStatement("select pg_try_advisory_lock(?, 0)")) {
                take.setInt(1, space.ordinal());
                try (var result = take.executeQuery()) {
                    held = result.next() && result.getBoolean(1);
                }
            }
            if (!held) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                try (var release = connection.prepareStatement("select pg_advisory_unlock(?, 0)")) {
                    release.setInt(1, space.ordinal());
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the cluster lock " + space, e);
        }
    }
}
