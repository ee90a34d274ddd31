package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Front;
import org.masthead.site.web.PageParts.Link;

/** The home page: its edited front (none while nothing is published) and a block per section. */
public record HomePage(Chrome chrome, @Nullable Front front, List<SectionTeaser> sections, boolean preview) {

    /** The newest stories of one section, under a heading that links to it. */
    public record SectionTeaser(Link section, List<Card> cards) {
    }
}
