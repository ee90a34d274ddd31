package org.masthead.site.web;

import java.util.List;
import org.masthead.site.InlineHtml;
import org.masthead.site.web.PageParts.Picture;

/**
 * A body block ready to render: links resolved, images sized, texts with marks as escaped HTML
 * ({@link InlineHtml}). Templates render these only.
 */
public sealed interface BlockView {

    record Paragraph(InlineHtml text) implements BlockView {
    }

    record Subheading(InlineHtml text) implements BlockView {
    }

    record Quote(InlineHtml text, String speaker, String role) implements BlockView {
    }

    record Figure(Picture picture, InlineHtml caption, String credit) implements BlockView {
    }

    record ItemList(boolean ordered, List<InlineHtml> items) implements BlockView {
    }

    record ReadAlso(String url, String headline) implements BlockView {
    }

    record Embed(String url, String title, String host) implements BlockView {
    }
}
