package org.masthead.platform.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A pool whose connections are handed out behind proxies, each answered by a handler of its own. */
abstract class ProxiedConnections extends DelegatingDataSource {

    ProxiedConnections(DataSource pool) {
        super(pool);
    }

    /** What answers the calls on the proxy of {@code connection}. */
    abstract InvocationHandler handler(Connection connection);

    @Override
    public Connection getConnection() throws SQLException {
        return proxied(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return proxied(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection proxied(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler(connection));
    }
}
