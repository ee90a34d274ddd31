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

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
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
            default -> properties.api();
        };
        var bucket = buckets.get(kind + " " + request.getRemoteAddr(), key -> new Bucket(limit));
        long waitMillis = bucket.take(System.nanoTime());
        if (waitMillis == 0) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, Math.max(1, (waitMillis + 999) / 1000));
    }

    private static @Nullable String kind(HttpServletRequest request) {
        var path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && path.equals("/newsroom/login")) {
            return "sign-in";
        }
        if (SEARCH.matcher(path).find()) {
            return "search";
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

    /** A token bucket: {@code burst} tokens, refilled continuously at the limit's rate. */
    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long at;

        Bucket(RateLimitProperties.Limit limit) {
            this.capacity = Math.max(1, limit.burst());
            this.perNano = Math.max(1, limit.perMinute()) / 60e9;
            this.tokens = capacity;
            this.at = System.nanoTime();
        }

        /** Takes a token; 0 when there was one, otherwise the milliseconds until there will be. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e6);
        }
    }
}
