package org.masthead.editorial.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.masthead.content.Block;

/**
 * One body block as the edit form holds it: every field as typed, so a refused save shows the text
 * back unchanged. {@code query} is the headline search of a read-also block.
 */
public record BlockForm(String type, String id, String text, String speaker, String role, String media,
        String caption, String credit, String alt, String items, boolean ordered, String story, String url,
        String title, String query) {

    static final List<String> TYPES = List.of("paragraph", "subheading", "quote", "image", "list", "readAlso", "embed");

    static BlockForm empty(String type) {
        return new BlockForm(type, UUID.randomUUID().toString().substring(0, 8), "", "", "", "", "", "", "", "", false,
                "", "", "", "");
    }

    static BlockForm of(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new BlockForm("paragraph", p.id(), p.text(), "", "", "", "", "", "", "", false, "", "", "", "");
            case Block.Subheading s -> new BlockForm("subheading", s.id(), s.text(), "", "", "", "", "", "", "", false, "", "", "", "");
            case Block.Quote q -> new BlockForm("quote", q.id(), q.text(), q.speaker(), q.role(), "", "", "", "", "", false, "", "", "", "");
            case Block.Image i -> new BlockForm("image", i.id(), "", "", "", Long.toString(i.mediaId()), i.caption(),
                    i.credit(), i.alt(), "", false, "", "", "", "");
            case Block.BulletList l -> new BlockForm("list", l.id(), "", "", "", "", "", "", "", String.join("\n", l.items()),
                    l.ordered(), "", "", "", "");
            case Block.ReadAlso r -> new BlockForm("readAlso", r.id(), "", "", "", "", "", "", "", "", false,
                    Long.toString(r.storyId()), "", "", "");
            case Block.Embed e -> new BlockForm("embed", e.id(), "", "", "", "", "", "", "", "", false, "", e.url(),
                    e.title() == null ? "" : e.title(), "");
        };
    }

    List<String> itemLines() {
        return Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    BlockForm withQuery(String newQuery) {
        return new BlockForm(type, id, text, speaker, role, media, caption, credit, alt, items, ordered, story, url, title,
                newQuery);
    }

    BlockForm withImageText(String newCaption, String newCredit, String newAlt) {
        return new BlockForm(type, id, text, speaker, role, media, newCaption, newCredit, newAlt, items, ordered, story,
                url, title, query);
    }
}
