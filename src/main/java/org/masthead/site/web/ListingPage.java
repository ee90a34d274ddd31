package org.masthead.site.web;

import java.util.List;
import org.masthead.platform.web.Pagination;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;

/** A section, tag or author page: a heading, an optional introduction and a paginated list. */
public record ListingPage(Chrome chrome, String heading, String introduction, String count, List<Card> cards,
        Pagination pagination) {
}
