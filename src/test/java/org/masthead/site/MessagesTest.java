package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The uk, en and ru UI bundles must carry the same keys: a missing one would show a raw key to readers. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void bundleHasExactlyTheKeysOfTheUkrainianOne(String language) throws IOException {
        var ukrainian = load("uk").stringPropertyNames();
        var other = load(language).stringPropertyNames();
        assertThat(other).as("keys of messages_%s", language).containsExactlyInAnyOrderElementsOf(ukrainian);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en", "ru"})
    void noMessageIsBlank(String language) throws IOException {
        var bundle = load(language);
        Set<String> blank = bundle.stringPropertyNames().stream()
                .filter(key -> bundle.getProperty(key).isBlank()).collect(java.util.stream.Collectors.toSet());
        assertThat(blank).isEmpty();
    }

    private static Properties load(String language) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            assertThat(in).as("messages_%s.properties", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
