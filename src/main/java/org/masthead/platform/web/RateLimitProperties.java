package org.masthead.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per client address that sign-in, search and the APIs answer before they answer 429 with
 * {@code Retry-After}. Each limit is a bucket of {@code burst} requests that refills at {@code perMinute}.
 * Counted on each node, in memory (the sign-in throttle, which counts failures, is shared in the database).
 *
 * @param enabled whether any limit applies
 * @param exemptLoopback requests whose client is this machine itself are never limited (the operator's tools,
 *        benchmarks, a test suite); behind a reverse proxy on this machine the client is the address the proxy
 *        forwards, so the world is still limited
 * @param signIn sign-in form posts
 * @param search the search pages, suggestions and the search API
 * @param api the public content API
 * @param adminApi the admin API, but for live blog entries
 * @param liveEntries live blog entries posted through the admin API from one address, whatever the token: the
 *        whole newsroom's wire desks behind one address may post 1,000 a minute and more
 * @param liveEntriesPerToken live blog entries posted with one token, from any address (loopback too): one
 *        runaway script cannot flood the live blogs for everyone else
 */
@ConfigurationProperties("masthead.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean exemptLoopback,
        @DefaultValue({"30", "20"}) Limit signIn,
        @DefaultValue({"240", "60"}) Limit search,
        @DefaultValue({"600", "120"}) Limit api,
        @DefaultValue({"300", "60"}) Limit adminApi,
        @DefaultValue({"1200", "200"}) Limit liveEntries,
        @DefaultValue({"300", "60"}) Limit liveEntriesPerToken) {

    /** {@code burst} requests at once, refilled at {@code perMinute}. */
    public record Limit(int perMinute, int burst) {
    }
}
