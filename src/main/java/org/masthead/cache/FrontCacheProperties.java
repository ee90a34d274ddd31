package org.masthead.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The caches in front of Masthead (Varnish, a CDN) that are told to drop pages by surrogate key when content
 * changes, instead of keeping them until {@code masthead.cache.shared-max-age}. Each is used when configured; none
 * is by default.
 *
 * @param settle  how long after a change the purge waits, so that every node's page cache has dropped the page
 *                (evictions reach the other nodes through the database) before the cache in front asks for it again
 * @param timeout how long one purge request may take
 * @param varnish Varnish servers with Masthead's VCL (deploy/varnish/masthead.vcl)
 * @param fastly  a Fastly service
 * @param cloudflare a Cloudflare zone
 */
@ConfigurationProperties("masthead.cache.front")
record FrontCacheProperties(
        @DefaultValue("200ms") Duration settle,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Varnish varnish,
        @DefaultValue Fastly fastly,
        @DefaultValue Cloudflare cloudflare) {

    /** @param urls the address of each Varnish, such as {@code http://127.0.0.1:6081}; each is purged */
    record Varnish(@DefaultValue List<URI> urls) {
    }

    /**
     * @param serviceId the service whose cache is purged; empty: no Fastly
     * @param token an API token with the purge_select scope (purge_all too, for changes shown on every page)
     * @param soft mark purged pages stale instead of dropping them, so Fastly may serve them while it fetches anew
     * @param api the API's address
     */
    record Fastly(@DefaultValue("") String serviceId, @DefaultValue("") String token, @DefaultValue("false") boolean soft,
            @DefaultValue("https://api.fastly.com") URI api) {

        @Override
        public String toString() {
            return "Fastly[serviceId=" + serviceId + ", token=" + (token.isEmpty() ? "" : "***") + ", soft=" + soft
                    + ", api=" + api + "]";
        }
    }

    /**
     * @param zoneId the zone whose cache is purged; empty: no Cloudflare
     * @param token an API token with the Cache Purge permission on the zone
     * @param api the API's address
     */
    record Cloudflare(@DefaultValue("") String zoneId, @DefaultValue("") String token,
            @DefaultValue("https://api.cloudflare.com/client/v4") URI api) {

        @Override
        public String toString() {
            return "Cloudflare[zoneId=" + zoneId + ", token=" + (token.isEmpty() ? "" : "***") + ", api=" + api + "]";
        }
    }
}
