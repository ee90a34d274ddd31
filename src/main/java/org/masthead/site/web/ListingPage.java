package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.web.Pagination;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Front;
import org.masthead.site.web.PageParts.Link;
import org.masthead.site.web.PageParts.Picture;

/**
 * A section, tag or author page: a heading, an optional introduction and a paginated list; a section's first
 * page opens with its edited {@code front}, the list after it; an author page also shows the author's
 * {@code profile}, and names it in structured data ({@code jsonLd}).
 */
public record ListingPage(Chrome chrome, String heading, String introduction, String count, @Nullable Front front,
        List<Card> cards,
        Pagination pagination, @Nullable Profile profile, @Nullable String jsonLd) {

    /** Who the author is: photo, job title, biography and their other profiles ({@code rel="me"}). */
    public record Profile(@Nullable Picture photo, String jobTitle, String bio, List<Link> links) {
    }
}
