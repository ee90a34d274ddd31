package org.masthead.site.web;

import java.util.List;
import org.masthead.site.web.PageParts.Picture;

/** A body block ready to render: links resolved, images sized. Templates render these only. */
public sealed interface BlockView {

    record Paragraph(String text) implements BlockView {
    }

    record Subheading(String text) implements BlockView {
    }

    record Quote(String text, String speaker, String role) implements BlockView {
    }

    record Figure(Picture picture, String caption, String credit) implements BlockView {
    }

    record ItemList(boolean ordered, List<String> items) implements BlockView {
    }

    record ReadAlso(String url, String headline) implements BlockView {
    }

    record Embed(String url, String title, String host) implements BlockView {
    }
}
