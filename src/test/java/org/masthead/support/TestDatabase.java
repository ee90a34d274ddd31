package org.masthead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started by a test its own database and data folder: a fresh
 * SQLite file in a temporary folder, or, when the suite runs with
 * {@code -Dmasthead.test.database=postgresql}, a fresh schema in the PostgreSQL database named by
 * {@code MASTHEAD_TEST_POSTGRES_URL} (for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String MODE_PROPERTY = "masthead.test.database";
    public static final String POSTGRES_URL_VARIABLE = "MASTHEAD_TEST_POSTGRES_URL";
    /** Set by tests that restart the application on the database of an earlier run (crash recovery). */
    public static final String REUSE_PROPERTY = "masthead.test.reuse-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(REUSE_PROPERTY, Boolean.class, false)) {
            return;
        }
        var properties = new HashMap<String, Object>();
        try {
            var dataDir = Files.createTempDirectory("masthead-test-");
            dataDir.toFile().deleteOnExit();
            properties.put("masthead.data-dir", dataDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (onPostgres()) {
            properties.put("spring.datasource.url", freshPostgresSchema());
            properties.put("spring.datasource.username", "");
            properties.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("masthead-test-database", properties));
    }

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(MODE_PROPERTY, "sqlite").toLowerCase(Locale.ROOT));
    }

    /** A new schema in the database of {@code MASTHEAD_TEST_POSTGRES_URL}, dropped at exit; its JDBC URL. */
    public static String freshPostgresSchema() {
        var url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(MODE_PROPERTY + "=postgresql needs " + POSTGRES_URL_VARIABLE);
        }
        var schema = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + url.replaceAll("password=[^&]*", "password=***"), e);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> dropSchema(url, schema)));
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void dropSchema(String url, String schema) {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException ignored) {
            // the database may already be gone at shutdown; a leftover schema is harmless
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
