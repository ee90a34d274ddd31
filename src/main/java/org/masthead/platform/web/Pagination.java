package org.masthead.platform.web;

import org.jspecify.annotations.Nullable;

/** Where a paged list stands, for the pagination component of reader and newsroom pages. */
public record Pagination(int page, int pages, @Nullable String previousUrl, @Nullable String nextUrl) {

    public boolean needed() {
        return pages > 1;
    }
}
