package org.masthead.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.cache.CachedPage.Header;
import org.masthead.platform.web.SecurityHeaders;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers anonymous GET and HEAD requests from the {@link PageCache} and fills it. A response is
 * cached when the controller tagged it with {@link SurrogateKeys}, it is a 200, it sets no cookie and
 * its Cache-Control (ours by default) does not forbid shared caching. Signed-in users (a session
 * cookie or an Authorization header) pass by the cache and get private, uncacheable pages.
 */
final class PageCacheFilter extends OncePerRequestFilter {

    static final String OUTCOME = "X-Page-Cache";
    static final String SURROGATE_KEY = "Surrogate-Key";
    static final String CACHE_TAG = "Cache-Tag";
    private static final String SERVER_TIMING = "Server-Timing";
    private static final String PRIVATE = "private, no-store";

    /** Headers the cache writes itself on every answer, or that belong to one transfer only. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "content-encoding", "transfer-encoding",
            "content-type", "date", "etag", "last-modified", "vary", "server-timing", "surrogate-key", "cache-tag",
            "strict-transport-security",
            OUTCOME.toLowerCase(Locale.ROOT));

    private final PageCache cache;
    private final CacheProperties properties;
    private final String publicCacheControl;

    /** Pages answered per outcome (hit, miss, pass, bypass): the hit ratio an operator charts. */
    private final java.util.Map<String, Counter> outcomes = new java.util.HashMap<>();
    /** Time to render a page that was not answered from the cache, as Server-Timing reports it. */
    private final Timer render;

    PageCacheFilter(PageCache cache, CacheProperties properties, MeterRegistry metrics) {
        this.cache = cache;
        this.properties = properties;
        this.publicCacheControl = properties.publicCacheControl();
        for (var outcome : List.of("hit", "miss", "pass", "bypass")) {
            outcomes.put(outcome, Counter.builder("masthead.cache.requests").tag("outcome", outcome)
                    .description("Reader pages and API answers by what the page cache did").register(metrics));
        }
        this.render = Timer.builder("masthead.page.render")
                .description("Time to render a page the cache did not answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(metrics);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        var path = request.getRequestURI();
        return properties.bypassPaths().stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signedIn(request)) {
            fresh(request, response, chain);
            return;
        }
        var path = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        var cached = properties.enabled() ? cache.lookup(path) : null;
        if (cached != null) {
            if (properties.serverTiming()) {
                response.setHeader(SERVER_TIMING, "cache;desc=hit");
            }
            outcomes.get("hit").increment();
            answer(cached, request, response, "hit");
            return;
        }
        long renderedSince = cache.generation();
        long started = System.nanoTime();
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        var keys = SurrogateKeys.of(request);
        timing(response, started);
        var page = keys.isEmpty() ? null : capture(buffered, keys);
        if (page == null) {
            buffered.copyBodyToResponse();
            return;
        }
        boolean stored = properties.enabled() && "GET".equals(request.getMethod())
                && cache.store(path, page, renderedSince);
        outcomes.get(stored ? "miss" : "pass").increment();
        answer(page, request, response, stored ? "miss" : "pass");
    }

    /** Signed-in users see what is in the database now, and no shared cache may keep it. */
    private void fresh(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (!SurrogateKeys.of(request).isEmpty()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
            response.setHeader(OUTCOME, "bypass");
            outcomes.get("bypass").increment();
            timing(response, started);
        }
        buffered.copyBodyToResponse();
    }

    private boolean signedIn(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        var cookies = request.getCookies();
        if (cookies != null) {
            for (var cookie : cookies) {
                if (properties.bypassCookies().contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The response as a cacheable page, or null when it must not be shared. */
    private @Nullable CachedPage capture(ContentCachingResponseWrapper buffered, Set<String> keys) {
        if (buffered.getStatus() != HttpServletResponse.SC_OK || buffered.containsHeader(HttpHeaders.SET_COOKIE)
                || buffered.containsHeader(HttpHeaders.CONTENT_ENCODING)) {
            return null;
        }
        var cacheControl = buffered.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null) {
            buffered.setHeader(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        } else if (!shareable(cacheControl)) {
            return null;
        }
        var headers = new ArrayList<Header>();
        for (var name : buffered.getHeaderNames()) {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                for (var value : buffered.getHeaders(name)) {
                    headers.add(new Header(name, value));
                }
            }
        }
        return CachedPage.of(HttpServletResponse.SC_OK, buffered.getContentType(), headers,
                buffered.getContentAsByteArray(), keys, System.currentTimeMillis(),
                (int) properties.gzipMinBytes().toBytes());
    }

    private static boolean shareable(String cacheControl) {
        var directives = cacheControl.toLowerCase(Locale.ROOT);
        return !directives.contains("private") && !directives.contains("no-store")
                && !directives.contains("no-cache");
    }

    private static void answer(CachedPage page, HttpServletRequest request, HttpServletResponse response,
            String outcome) throws IOException {
        response.resetBuffer();
        response.setStatus(page.status());
        var written = new HashSet<String>();
        for (var header : page.headers()) {
            if (written.add(header.name())) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified());
        if (page.gzip() != null) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        response.setHeader(SURROGATE_KEY, String.join(" ", page.keys()));
        response.setHeader(CACHE_TAG, String.join(",", page.keys()));
        response.setHeader(OUTCOME, outcome);
        if (request.isSecure()) {
            // the security chain, which this answer skips, sends it on every request that came over TLS
            response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        var gzip = page.gzip();
        var body = gzip != null && acceptsGzip(request) ? gzip : page.body();
        if (body == gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2); ETags compare weakly. */
    static boolean notModified(CachedPage page, HttpServletRequest request) {
        var ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            var ours = opaque(page.etag());
            for (var tag : ifNoneMatch.split(",")) {
                var candidate = tag.trim();
                if (candidate.equals("*") || opaque(candidate).equals(ours)) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && page.lastModified() <= since;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** Whether gzip is in Accept-Encoding without {@code q=0}. */
    static boolean acceptsGzip(HttpServletRequest request) {
        var accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (var coding : accepted.toLowerCase(Locale.ROOT).split(",")) {
            var parts = coding.split(";");
            var name = parts[0].trim();
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    var parameter = parts[i].replace(" ", "");
                    if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private void timing(HttpServletResponse response, long started) {
        render.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (properties.serverTiming()) {
            response.setHeader(SERVER_TIMING, String.format(Locale.ROOT, "app;dur=%.3f",
                    (System.nanoTime() - started) / 1_000_000.0));
        }
    }
}
