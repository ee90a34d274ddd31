package org.masthead.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} when one client address asks sign-in, search or the APIs for more
 * than {@link RateLimitProperties} allows: a token bucket per address and kind of request, in memory.
 */
public final class RateLimits extends OncePerRequestFilter {

    private static final Pattern SEARCH = Pattern.compile("^/(?:uk|en|ru)/search(?:/suggest)?/?$|^/api/v1/search/?$"
            + "|^/newsroom/search/?$");

    /** Entry posts of the admin API: a wire desk's live coverage, limited apart from the rest of the API. */
    private static final Pattern LIVE_ENTRIES = Pattern.compile("^/api/v1/admin/stories/\\d{1,18}/live/entries/?$");

    private final RateLimitProperties properties;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();

    public RateLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return exempt(properties, request);
    }

    private static boolean exempt(RateLimitProperties properties, HttpServletRequest request) {
        return !properties.enabled() || (properties.exemptLoopback() && LocalRequests.loopbackClient(request));
    }

    /** Whether a limit of {@code properties} counts {@code request}, for whoever answers before this filter. */
    public static boolean applies(RateLimitProperties properties, HttpServletRequest request) {
        return !exempt(properties, request) && kind(request) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var kind = kind(request);
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        var limit = switch (kind) {
            case "sign-in" -> properties.signIn();
            case "search" -> properties.search();
            case "admin-api" -> properties.adminApi();
            case "live-entries" -> properties.liveEntries();
            default -> properties.api();
        };
        var bucket = buckets.get(kind + " " + request.getRemoteAddr(), key -> new TokenBucket(limit));
        long waitMillis = bucket.take(System.nanoTime());
        if (waitMillis == 0) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, TokenBucket.seconds(waitMillis));
    }

    private static @Nullable String kind(HttpServletRequest request) {
        var path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && path.equals("/newsroom/login")) {
            return "sign-in";
        }
        if (SEARCH.matcher(path).find()) {
            return "search";
        }
        if ("POST".equals(request.getMethod()) && LIVE_ENTRIES.matcher(path).matches()) {
            return "live-entries";
        }
        if (path.startsWith("/api/v1/admin/")) {
            return "admin-api";
        }
        if (path.startsWith("/api/v1/")) {
            return "api";
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SecurityHeaders.writeTo(response);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"Too many requests from this address; try again in " + seconds + " s.\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("Too many requests from this address; try again in " + seconds + " s.\n");
        }
    }
}
