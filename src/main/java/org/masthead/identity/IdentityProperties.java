package org.masthead.identity;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins failed sign-ins in a row after which an account is locked
 * @param lockDuration how long a locked account stays locked
 * @param timeZone the time zone in which newsroom pages show times
 * @param firstAdmin the username of the admin account created on the first start of an empty newsroom
 */
@ConfigurationProperties("masthead.identity")
public record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("admin") String firstAdmin) {
}
