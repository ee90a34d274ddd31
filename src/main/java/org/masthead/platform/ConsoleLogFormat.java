package org.masthead.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The console log's format when the configuration does not choose one: human-readable text on a terminal,
 * one JSON object per line (Elastic Common Schema) otherwise, for the log collector of a service manager or
 * a container. It only sets Spring Boot's own {@code logging.structured.format.console} as a default, so
 * {@code --logging.structured.format.console=ecs} (or {@code logstash}, {@code gelf}) forces JSON and an empty
 * value forces text, as Spring Boot documents.
 */
public class ConsoleLogFormat implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("masthead-console-log",
                    Map.of(PROPERTY, formatFor(Terminal.attached()))));
        }
    }

    static String formatFor(boolean terminal) {
        return terminal ? "" : "ecs";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
