package org.masthead.bench;

import java.net.http.HttpClient;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class BenchConfiguration {

    @Bean
    StoryGenerator storyGenerator(Stories stories, Taxonomy taxonomy, PlatformTransactionManager transactions,
            JdbcClient jdbc, OutboxRelay relay, Environment environment) {
        return new StoryGenerator(stories, taxonomy, transactions, jdbc, relay,
                environment.getProperty("masthead.bench.stories", Integer.class, 100_000));
    }

    @Bean
    BenchController benchController(StoryGenerator generator, Stories stories, JdbcClient jdbc,
            Environment environment, io.micrometer.core.instrument.MeterRegistry metrics) {
        return new BenchController(generator, stories, jdbc, HttpClient.newHttpClient(),
                environment.getRequiredProperty("server.port", Integer.class), metrics);
    }
}
