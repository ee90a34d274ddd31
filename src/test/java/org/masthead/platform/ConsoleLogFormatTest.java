package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The console log's format follows Spring Boot's own property, with a default chosen by whether a terminal watches. */
class ConsoleLogFormatTest {

    @Test
    void textOnATerminalAndJsonOtherwise() {
        assertThat(ConsoleLogFormat.formatFor(true)).isEmpty();
        assertThat(ConsoleLogFormat.formatFor(false)).isEqualTo("ecs");
    }

    @Test
    void aConfiguredFormatIsKeptWhateverItIs() {
        for (var configured : new String[] {"", "ecs", "logstash"}) {
            var environment = new MockEnvironment().withProperty(ConsoleLogFormat.PROPERTY, configured);
            new ConsoleLogFormat().postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.getProperty(ConsoleLogFormat.PROPERTY)).isEqualTo(configured);
        }
    }

    @Test
    void withoutOneTheDefaultComesLastSoAnySourceOverridesIt() {
        var environment = new MockEnvironment();
        new ConsoleLogFormat().postProcessEnvironment(environment, new SpringApplication());
        // the test JVM has no terminal
        assertThat(environment.getProperty(ConsoleLogFormat.PROPERTY)).isEqualTo(Terminal.attached() ? "" : "ecs");
        assertThat(environment.getPropertySources().stream().toList().getLast().getName()).isEqualTo("masthead-console-log");
    }
}
