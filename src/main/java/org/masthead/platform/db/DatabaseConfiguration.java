package org.masthead.platform.db;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /** One set of migration scripts for both databases; the few differing column types are placeholders. */
    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders(SqlDialect dialect) {
        return configuration -> configuration.placeholders(dialect.schemaPlaceholders());
    }

    /** Messages between application nodes: nobody to tell on SQLite, LISTEN/NOTIFY on PostgreSQL. */
    @Bean
    NodeBroadcast nodeBroadcast(SqlDialect dialect, DataSource dataSource, JdbcClient jdbc) {
        return dialect == SqlDialect.POSTGRESQL ? new PostgresBroadcast(dataSource, jdbc) : new SingleNodeBroadcast();
    }
}
