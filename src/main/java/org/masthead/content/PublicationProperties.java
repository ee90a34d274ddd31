package org.masthead.content;

import java.time.ZoneId;
import org.masthead.platform.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publication's settings until the newsroom saves its own (see {@link PublicationSettings}); the other
 * {@code masthead.site} settings belong to the reader site.
 *
 * @param name the publication's name in every language
 * @param timeZone the time zone dates are shown in
 * @param defaultLanguage the language of {@code /} when the reader's browser asks for none of ours
 */
@ConfigurationProperties("masthead.site")
public record PublicationProperties(
        @DefaultValue("Masthead") String name,
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("uk") Language defaultLanguage) {
}
