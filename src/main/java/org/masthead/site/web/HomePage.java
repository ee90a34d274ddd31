package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Link;

/**
 * The home page: the lead, the cards after it ({@code latest}), whether each of the front's stories (the lead
 * first) was placed by the editors ({@code placed}, the preview marks them), and a block per section.
 */
public record HomePage(Chrome chrome, @Nullable Card lead, List<Card> latest, List<Boolean> placed,
        List<SectionTeaser> sections, boolean preview) {

    /** The newest stories of one section, under a heading that links to it. */
    public record SectionTeaser(Link section, List<Card> cards) {
    }

    /** Whether the card at {@code index} of the front (0 is the lead) is in a slot the editors chose. */
    public boolean placed(int index) {
        return index < placed.size() && placed.get(index);
    }
}
