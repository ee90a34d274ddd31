package org.masthead.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the SQLite connection pool healthy through a locked database file. When another process holds
 * the file's write lock, starting a transaction fails with SQLITE_BUSY, and the driver's connection is left
 * believing a transaction is open that never began: every later use of it fails ("cannot commit - no
 * transaction is active") long after the lock is gone. Such a connection is taken out of the pool at the
 * failure, so the next request gets a fresh one and Masthead recovers by itself, without a restart.
 *
 * <p>It is also where the SQLite pool becomes two, one for writes and one for reads ({@link SqlitePools}),
 * each connection of either watched so.
 */
@Component
class SqliteLockRecovery implements BeanPostProcessor, EnvironmentAware, DisposableBean {

    /** Connections of the read pool unless {@code masthead.database.sqlite-read-connections} says otherwise. */
    static final int READ_CONNECTIONS = 8;

    private static final Set<String> TRANSACTION_CALLS = Set.of("setAutoCommit", "commit", "rollback");

    private int readConnections = READ_CONNECTIONS;
    /** The read pools made here, closed with the application (the write pool is the data source bean's own). */
    private final java.util.List<HikariDataSource> readPools = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void destroy() {
        readPools.forEach(HikariDataSource::close);
    }

    @Override
    public void setEnvironment(Environment environment) {
        readConnections = environment.getProperty("masthead.database.sqlite-read-connections", Integer.class,
                READ_CONNECTIONS);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && SqlitePools.isSqlite(hikari)) {
            var pools = new SqlitePools(hikari, readConnections);
            readPools.add(pools.readPool());
            return pools;
        }
        return bean;
    }

    /** {@code pool}, with every connection taken out of it when a transaction call leaves it unusable. */
    static DataSource recovering(HikariDataSource pool) {
        return new Recovering(pool);
    }

    /** Whether a failure of a transaction call leaves the connection unusable. */
    static boolean poisons(SQLException e) {
        var message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
                || message.contains("NO TRANSACTION IS ACTIVE") || message.contains("WITHIN A TRANSACTION");
    }

    private static final class Recovering extends ProxiedConnections {

        private final HikariDataSource pool;

        Recovering(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(pool) ? (T) pool : super.unwrap(type);
        }

        @Override
        InvocationHandler handler(Connection connection) {
            return (proxy, method, args) -> {
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException sql && TRANSACTION_CALLS.contains(method.getName())
                            && poisons(sql)) {
                        pool.evictConnection(connection);
                    }
                    throw e.getCause();
                }
            };
        }
    }
}
