package org.masthead.platform.web;

/**
 * The response headers every surface sends, in one place so the security chains of every module and
 * the page cache (which answers before them) agree.
 */
public final class SecurityHeaders {

    /**
     * Pages load scripts, styles and images only from this site and may not be framed; no inline script
     * or style runs (templates keep both in files). JSON-LD blocks are data, not script, and need no
     * exception.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    /** Sent on requests that arrived over TLS (directly or, with forwarded headers, through a proxy). */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {
    }

    /**
     * The headers, for answers written before or outside the security chains (rate limits, database
     * outages); {@code cacheControl} too, since such answers must not be kept.
     */
    public static void writeTo(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
