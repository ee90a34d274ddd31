package org.masthead.site;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reader site's settings. The publication's name, time zone and default language share this prefix
 * ({@code masthead.site.name}, {@code .time-zone}, {@code .default-language}) as the defaults of the
 * settings the newsroom keeps in the database (see {@link org.masthead.content.PublicationSettings}).
 *
 * @param baseUrl the public address of the site, used in canonical and alternate links
 * @param pageSize stories per page of a section, tag or author list
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("20") int pageSize) {
}
