package org.masthead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.platform.Language;
import org.springframework.context.support.ResourceBundleMessageSource;

class UiMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    /** Every message with placeholders reads as the message source itself formats it, quotes and numbers alike. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void messagesWithPlaceholdersReadAsTheMessageSourceFormatsThem(Language language) throws IOException {
        var source = source();
        var messages = new UiMessages(language, source);
        var checked = 0;
        for (var key : messages(language).stringPropertyNames()) {
            var pattern = messages(language).getProperty(key);
            var highest = PLACEHOLDER.matcher(pattern).results().mapToInt(m -> Integer.parseInt(m.group(1))).max();
            if (highest.isEmpty()) {
                continue;
            }
            var args = new Object[highest.getAsInt() + 1];
            args[0] = 12_345L;
            for (int i = 1; i < args.length; i++) {
                args[i] = "«argument " + i + "»";
            }
            assertThat(messages.get(key, args)).as(key).isEqualTo(source.getMessage(key, args, language.locale()));
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * A message without placeholders is shown as written, so a quote doubled for the formatter would be shown
     * doubled.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void messagesWithoutPlaceholdersDoubleNoQuote(Language language) throws IOException {
        var properties = messages(language);
        assertThat(properties.stringPropertyNames())
                .filteredOn(key -> !PLACEHOLDER.matcher(properties.getProperty(key)).find())
                .filteredOn(key -> properties.getProperty(key).contains("''"))
                .isEmpty();
    }

    private static ResourceBundleMessageSource source() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties messages(Language language) throws IOException {
        var properties = new Properties();
        try (var in = UiMessagesTest.class.getResourceAsStream("/i18n/messages_" + language.code() + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
