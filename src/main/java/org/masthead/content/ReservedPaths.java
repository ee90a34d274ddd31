package org.masthead.content;

import java.util.Set;

/**
 * Path segments the reader site uses after the language ({@code /en/tag/…}, {@code /en/search}) and
 * paths of the site's own: a section or page slug must not shadow them.
 */
final class ReservedPaths {

    static final Set<String> RESERVED = Set.of("tag", "tags", "author", "authors", "search", "feed", "rss", "atom",
            "sitemap", "sitemaps", "api", "media", "newsroom", "preview", "static", "assets", "actuator", "page",
            "pages", "language", "internal", "error", "login", "logout", "webjars", "site", "robots", "favicon");

    private ReservedPaths() {
    }

    static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
