package org.masthead.platform.db;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
