package org.masthead.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements that threads serving HTTP requests prepare or create, to show how many queries a
 * page costs. Background work (the outbox relay, schedules) runs on other threads and is not counted.
 * Import it into a test; read and reset {@link #count()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounter implements BeanPostProcessor {

    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    /** Statements prepared by request threads since the last {@link #reset()}. */
    public static int count() {
        return STATEMENTS.get();
    }

    public static void reset() {
        STATEMENTS.set(0);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counted(super.getConnection());
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            return getTargetDataSource().unwrap(type);
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        var name = method.getName();
                        if ((name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))
                                && Thread.currentThread().getName().startsWith("tomcat-handler")) {
                            STATEMENTS.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
