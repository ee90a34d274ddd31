package org.masthead.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPerAccount active tokens one account may hold; bounds what a stolen session can hand out
 * @param lastUsedPrecision "last used" is written at most this often per token, not on every request
 */
@ConfigurationProperties("masthead.identity.access-tokens")
public record AccessTokenProperties(
        @DefaultValue("20") int maxPerAccount,
        @DefaultValue("60s") Duration lastUsedPrecision) {
}
