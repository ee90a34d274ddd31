package org.masthead.distribution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param feedSize stories per feed, newest first
 * @param feedIdAuthority the authority of the {@code tag:} URIs that identify feed items; empty takes the
 *        host of the site's base URL. Set it once and keep it: item ids must never change
 * @param feedIdDate the date part of those {@code tag:} URIs (the year the site began using them)
 * @param managingEditor the RSS {@code managingEditor}: an e-mail address, optionally followed by the name
 *        in parentheses ({@code editor@news.example (Olena Marchenko)}); empty leaves it out
 * @param webhooks how webhooks are delivered
 * @param websub the WebSub hub that feed readers subscribe to for pushed updates; off unless configured
 * @param indexNow IndexNow notifications to search engines when stories are published, updated or
 *        withdrawn; off unless a key is configured
 */
@ConfigurationProperties("masthead.distribution")
public record DistributionProperties(
        @DefaultValue("50") int feedSize,
        @DefaultValue("") String feedIdAuthority,
        @DefaultValue("2026") String feedIdDate,
        @DefaultValue("") String managingEditor,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Websub websub,
        @DefaultValue IndexNow indexNow) {

    /** An e-mail address (RFC 5322's common form), then optionally a name in parentheses. */
    private static final java.util.regex.Pattern MANAGING_EDITOR = java.util.regex.Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
                    + "(?: \\([^()\\p{Cntrl}]{1,100}\\))?");

    public DistributionProperties {
        if (!managingEditor.isBlank() && !MANAGING_EDITOR.matcher(managingEditor.strip()).matches()) {
            throw new IllegalArgumentException("masthead.distribution.managing-editor must be an e-mail address, "
                    + "optionally followed by a name in parentheses: editor@news.example (Olena Marchenko)");
        }
        managingEditor = managingEditor.strip();
    }

    /**
     * @param hub the hub's address, advertised in every feed ({@code atom:link rel="hub"} and a {@code Link}
     *        header) and told of every changed feed when a story is published, updated or withdrawn
     *        ({@code hub.mode=publish}); empty: no hub
     * @param timeout how long one notification of the hub may take
     */
    public record Websub(@DefaultValue("") String hub, @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param key the site's IndexNow key (8 to 128 letters, digits and hyphens), served as {@code /{key}.txt};
     *        empty: no notifications
     * @param endpoint where the changed addresses are sent (one endpoint shares them with every
     *        participating search engine)
     * @param timeout how long one notification may take
     */
    public record IndexNow(@DefaultValue("") String key,
            @DefaultValue("https://api.indexnow.org/indexnow") String endpoint,
            @DefaultValue("10s") Duration timeout) {

        public IndexNow {
            if (!key.isEmpty() && !key.matches("[A-Za-z0-9-]{8,128}")) {
                throw new IllegalArgumentException(
                        "masthead.distribution.index-now.key takes 8 to 128 letters, digits and hyphens");
            }
        }

        public boolean enabled() {
            return !key.isEmpty();
        }
    }

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
