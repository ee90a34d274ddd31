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
        List<BlockView> blocks, List<Link> tags, List<Card> related, StoryMetadata.Tags metadata) {

    public record LeadFigure(Picture picture, String caption, String credit) {
    }
}
