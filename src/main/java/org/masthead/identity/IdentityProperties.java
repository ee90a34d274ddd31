package org.masthead.identity;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the time zone in which newsroom pages show times
 * @param firstAdmin the username of the admin account created on the first start of an empty newsroom
 */
@ConfigurationProperties("masthead.identity")
public record IdentityProperties(
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("admin") String firstAdmin) {
}
