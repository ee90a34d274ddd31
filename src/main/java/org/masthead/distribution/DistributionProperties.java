package org.masthead.distribution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param feedSize stories per feed, newest first
 * @param feedIdAuthority the authority of the {@code tag:} URIs that identify feed items; empty takes the
 *        host of the site's base URL. Set it once and keep it: item ids must never change
 * @param feedIdDate the date part of those {@code tag:} URIs (the year the site began using them)
 * @param webhooks how webhooks are delivered
 */
@ConfigurationProperties("masthead.distribution")
public record DistributionProperties(
        @DefaultValue("50") int feedSize,
        @DefaultValue("") String feedIdAuthority,
        @DefaultValue("2026") String feedIdDate,
        @DefaultValue Webhooks webhooks) {

    /**
     * @param allowPrivateTargets deliver to loopback, private and link-local addresses too (tests, closed
     *        networks); off, so that a registered URL cannot reach into the server's own network
     * @param maxAttempts attempts before a delivery is given up as failed
     * @param firstRetry the wait after the first failed attempt; each further wait doubles
     * @param maxRetryWait the longest wait between two attempts
     * @param timeout how long one attempt may take, connecting and answering
     * @param lease how long a node holds a delivery it is sending before another node may take it over
     * @param pollInterval how often due deliveries are looked for
     */
    public record Webhooks(
            @DefaultValue("false") boolean allowPrivateTargets,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("6h") Duration maxRetryWait,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("2s") Duration pollInterval) {
    }
}
