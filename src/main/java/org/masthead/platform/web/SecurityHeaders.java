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
}
