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
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
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

    /**
     * Headers the cache writes itself on every answer, or that belong to one transfer only. Vary is kept apart
     * ({@link CachedPage#vary()}), and the CORS headers (Access-Control-*) are never kept: they answer the origin
     * of one request, and are worked out again for each cross-origin request the cache answers.
     */
    private static final Set<String> NOT_STORED = Set.of("content-length", "content-encoding", "transfer-encoding",
            "content-type", "date", "etag", "last-modified", "vary", "server-timing", "surrogate-key", "cache-tag",
            "strict-transport-security",
            OUTCOME.toLowerCase(Locale.ROOT));

    private static final String CORS_HEADERS = "access-control-";

    private final PageCache cache;
    private final CacheProperties properties;
    private final String publicCacheControl;
    /**
     * The CORS rules of the web layer (the same the security chain applies), for the answers it does not see;
     * asked for at the first cross-origin answer, since the web layer exists only once the server has started.
     */
    private final java.util.function.Supplier<@Nullable CorsConfigurationSource> corsRules;
    private volatile @Nullable CorsConfigurationSource cors;
    private final CorsProcessor corsProcessor = new DefaultCorsProcessor();

    /** Pages answered per outcome (hit, miss, pass, bypass): the hit ratio an operator charts. */
    private final java.util.Map<String, Counter> outcomes = new java.util.HashMap<>();
    /** Time to render a page that was not answered from the cache, as Server-Timing reports it. */
    private final Timer render;

    PageCacheFilter(PageCache cache, CacheProperties properties, MeterRegistry metrics,
            java.util.function.Supplier<@Nullable CorsConfigurationSource> corsRules) {
        this.cache = cache;
        this.corsRules = corsRules;
        this.properties = properties;
        this.publicCacheControl = properties.publicCacheControl();
        for (var outcome : List.of("hit", "stale", "wait", "miss", "pass", "bypass")) {
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
        if (!properties.enabled()) {
            render(request, response, chain, null);
            return;
        }
        var path = request.getRequestURI();
        var query = request.getQueryString();
        var key = cache.key(path, query);
        var cached = key == null ? null : cache.lookup(key);
        if (cached != null) {
            served(cached, request, response, "hit");
            return;
        }
        // one render per key at a time; until the page is known, the whole query names the render
        var flightKey = key != null ? key : query == null ? path : path + "?" + query;
        var mine = new PageCache.Flight();
        var underWay = cache.flight(flightKey, mine);
        if (underWay != null) {
            var stale = key == null ? null : cache.lookupStale(key);
            if (stale != null) {
                served(stale, request, response, "stale");
                return;
            }
            var rendered = underWay.await(properties.renderWait());
            if (rendered != null) {
                served(rendered, request, response, "wait");
                return;
            }
            render(request, response, chain, null);
            return;
        }
        CachedPage page = null;
        try {
            page = render(request, response, chain, flightKey);
        } finally {
            cache.land(flightKey, mine, page);
        }
    }

    /**
     * Answers {@code request} from the cache if it is an anonymous read of a cached page, for
     * {@link PageCacheValve}, which asks before any filter runs; false leaves the request to the filters.
     */
    boolean answerHit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!properties.enabled() || shouldNotFilter(request) || signedIn(request)) {
            return false;
        }
        var key = cache.key(request.getRequestURI(), request.getQueryString());
        var cached = key == null ? null : cache.lookup(key);
        if (cached == null) {
            return false;
        }
        served(cached, request, response, "hit");
        return true;
    }

    /** A page answered without rendering: a hit, a stale copy or another request's render. */
    private void served(CachedPage page, HttpServletRequest request, HttpServletResponse response, String outcome)
            throws IOException {
        if (properties.serverTiming()) {
            response.setHeader(SERVER_TIMING, "cache;desc=" + outcome);
        }
        outcomes.get(outcome).increment();
        answer(page, request, response, outcome);
    }

    /**
     * Renders the page, keeps it when it may be shared (and the cache is on), and answers it. Returns the page
     * for requests waiting on this render, or null when there is none to share.
     */
    private @Nullable CachedPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            @Nullable String flightKey) throws ServletException, IOException {
        long renderedSince = cache.generation();
        long started = System.nanoTime();
        var reading = new ParametersRead(request);
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(reading, buffered);
        var keys = SurrogateKeys.of(request);
        timing(response, started);
        var page = keys.isEmpty() ? null : capture(buffered, keys);
        if (page == null) {
            buffered.copyBodyToResponse();
            return null;
        }
        boolean stored = false;
        if (properties.enabled() && "GET".equals(request.getMethod())) {
            var path = request.getRequestURI();
            var read = reading.names();
            cache.learn(path, read);
            stored = cache.store(PageCache.key(path, request.getQueryString(), read), page, renderedSince);
        }
        outcomes.get(stored ? "miss" : "pass").increment();
        answer(page, request, response, stored ? "miss" : "pass");
        // a HEAD answer or one not kept still serves the requests that waited for it: they asked at the same time
        return flightKey == null || !"GET".equals(request.getMethod()) ? null : page;
    }

    /** The request as the application sees it, noting which query parameters it reads. */
    static final class ParametersRead extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean all;

        ParametersRead(HttpServletRequest request) {
            super(request);
        }

        /** The names read, or {@link PageCache#EVERY_PARAMETER} when the application looked at all of them. */
        Set<String> names() {
            return all ? PageCache.EVERY_PARAMETER : Set.copyOf(names);
        }

        @Override
        public String getParameter(String name) {
            names.add(name);
            return super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            names.add(name);
            return super.getParameterValues(name);
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            all = true;
            return super.getParameterMap();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            all = true;
            return super.getParameterNames();
        }
    }

    /** Signed-in users see what is in the database now, and no shared cache may keep it. */
    private void fresh(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        request.setAttribute(org.masthead.platform.web.ReadModel.FRESH, Boolean.TRUE);
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
            var lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_STORED.contains(lower) && !lower.startsWith(CORS_HEADERS)) {
                for (var value : buffered.getHeaders(name)) {
                    headers.add(new Header(name, value));
                }
            }
        }
        var vary = new ArrayList<String>();
        for (var value : buffered.getHeaders(HttpHeaders.VARY)) {
            for (var token : value.split(",")) {
                if (!token.isBlank()) {
                    vary.add(token.trim());
                }
            }
        }
        return CachedPage.of(HttpServletResponse.SC_OK, buffered.getContentType(), headers, vary,
                buffered.getContentAsByteArray(), keys, System.currentTimeMillis(),
                (int) properties.gzipMinBytes().toBytes());
    }

    private static boolean shareable(String cacheControl) {
        var directives = cacheControl.toLowerCase(Locale.ROOT);
        return !directives.contains("private") && !directives.contains("no-store")
                && !directives.contains("no-cache");
    }

    private void answer(CachedPage page, HttpServletRequest request, HttpServletResponse response,
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
        // one value per token, as the render sent them, so CORS handling below finds Origin among them; the first
        // replaces what a render just wrote, so a miss does not send them twice
        for (int i = 0; i < page.vary().size(); i++) {
            if (i == 0) {
                response.setHeader(HttpHeaders.VARY, page.vary().get(i));
            } else {
                response.addHeader(HttpHeaders.VARY, page.vary().get(i));
            }
        }
        if (!crossOriginAllowed(request, response)) {
            return;
        }
        var gzip = acceptsGzip(request) ? page.gzip() : null;
        var etag = gzip != null ? page.gzipEtag() : page.etag();
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified());
        response.setHeader(SURROGATE_KEY, String.join(" ", page.keys()));
        response.setHeader(CACHE_TAG, String.join(",", page.keys()));
        response.setHeader(OUTCOME, outcome);
        if (request.isSecure()) {
            // the security chain, which this answer skips, sends it on every request that came over TLS
            response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
        if (notModified(page, etag, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        var body = gzip != null ? gzip : page.body();
        if (gzip != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Adds the CORS headers a cross-origin request gets at this address (none for a same-origin one, whatever
     * request rendered the page); false when the web layer's rules refuse the origin and a 403 has been written.
     */
    private boolean crossOriginAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            return true;
        }
        var rules = cors;
        if (rules == null) {
            rules = corsRules.get();
            if (rules == null) {
                return true;
            }
            cors = rules;
        }
        return corsProcessor.processRequest(rules.getCorsConfiguration(request), request, response);
    }

    /**
     * If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2); ETags compare weakly, against the validator
     * {@code etag} of the form about to be sent.
     */
    static boolean notModified(CachedPage page, String etag, HttpServletRequest request) {
        var ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            var ours = opaque(etag);
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
