package org.masthead.site.web;

import java.time.Duration;
import org.springframework.http.CacheControl;

/** How long shared caches and browsers may keep reader pages. */
final class ReaderCaching {

    static final CacheControl PAGES = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(30)).staleIfError(Duration.ofHours(1));

    private ReaderCaching() {
    }
}
