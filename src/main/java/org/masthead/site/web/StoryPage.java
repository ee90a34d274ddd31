package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.Link;
import org.masthead.site.web.PageParts.Picture;
import org.masthead.site.seo.StoryMetadata;

public record StoryPage(Chrome chrome, Link section, String headline, String standfirst,
        @Nullable LeadFigure lead, List<Link> byline, NewsDates.Shown published, NewsDates.@Nullable Shown updated,
        List<BlockView> blocks, List<Link> tags, List<Card> related, List<Note> notes, boolean preview,
        StoryMetadata.@Nullable Tags metadata, @Nullable LivePage live) {

    /** A dated correction or update; {@code kindKey} is the message key of its label. */
    public record Note(String kindKey, String text, NewsDates.Shown date) {
    }

    public record LeadFigure(Picture picture, String caption, String credit) {
    }
}
