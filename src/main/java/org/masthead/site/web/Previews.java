package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** A preview of what is not live yet is for the signed-in staff who asked: no cache keeps it, no robot indexes it. */
final class Previews {

    private Previews() {
    }

    static void unshared(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
