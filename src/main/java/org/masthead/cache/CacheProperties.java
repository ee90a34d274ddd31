package org.masthead.cache;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled            keep pages in memory at all (HTTP caching headers are sent either way)
 * @param maxSize            memory the cached pages (plain and gzip bodies, headers) may take
 * @param timeToLive         longest a page stays cached even if no eviction reaches it
 * @param maxAge             how long browsers may keep a page without asking again
 * @param sharedMaxAge       how long a CDN may keep a page; it is purged by Surrogate-Key sooner
 * @param staleWhileRevalidate how long a CDN may serve a stale page while it fetches a fresh one
 * @param staleIfError       how long a CDN may serve a stale page while Masthead is failing
 * @param bypassCookies      cookies that mark a signed-in user, who always gets fresh, private pages
 * @param bypassPaths        path prefixes never cached, whatever their responses say (static files
 *                           stream from disk with their own long-lived caching)
 * @param gzipMinBytes       bodies smaller than this are not worth compressing
 * @param serverTiming       send how long a page took to render in Server-Timing
 * @param renderWait         how long a request waits for another request's render of the same page (when there
 *                           is no stale copy to answer with) before it renders the page itself
 */
@ConfigurationProperties("masthead.cache")
record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("5m") Duration sharedMaxAge,
        @DefaultValue("60s") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError,
        @DefaultValue({"JSESSIONID", "remember-me"}) List<String> bypassCookies,
        @DefaultValue({"/newsroom/", "/actuator/", "/media/", "/site/", "/live/"}) List<String> bypassPaths,
        @DefaultValue("1KB") DataSize gzipMinBytes,
        @DefaultValue("true") boolean serverTiming,
        @DefaultValue("10s") Duration renderWait) {

    /** The Cache-Control of a tagged response that does not choose its own. */
    String publicCacheControl() {
        return CacheControl.maxAge(maxAge).cachePublic().sMaxAge(sharedMaxAge)
                .staleWhileRevalidate(staleWhileRevalidate).staleIfError(staleIfError).getHeaderValue();
    }
}
