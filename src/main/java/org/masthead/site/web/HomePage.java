package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Link;

public record HomePage(Chrome chrome, @Nullable Card lead, List<Card> latest, List<SectionTeaser> sections) {

    /** The newest stories of one section, under a heading that links to it. */
    public record SectionTeaser(Link section, List<Card> cards) {
    }
}
