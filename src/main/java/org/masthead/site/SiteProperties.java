package org.masthead.site;

import java.net.URI;
import java.time.ZoneId;
import org.masthead.platform.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address of the site, used in canonical and alternate links
 * @param name the publication's name as the header and titles show it
 * @param timeZone the newsroom's time zone: dates on pages are shown in it
 * @param defaultLanguage the language of {@code /} when the reader's browser asks for none of ours
 * @param pageSize stories per page of a section, tag or author list
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("Masthead") String name,
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("uk") Language defaultLanguage,
        @DefaultValue("20") int pageSize) {
}
