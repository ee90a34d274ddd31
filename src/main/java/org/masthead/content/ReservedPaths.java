package org.masthead.content;

import java.util.Set;

/** Path segments the reader site uses after the language; a section slug must not shadow them. */
final class ReservedPaths {

    private static final Set<String> RESERVED = Set.of("tag", "author", "search", "feed", "rss", "atom",
            "sitemap", "api", "media", "newsroom", "preview", "static", "assets", "actuator");

    private ReservedPaths() {
    }

    static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
