package org.masthead.editorial.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.RichText;

/**
 * One body block as the edit form holds it: every field as typed, so a refused save shows the text
 * back unchanged. Texts with marks ({@code text}, {@code caption}, each line of {@code items}) are in the
 * newsroom's markup ({@link InlineMarkup}); {@code richJson} is what the toolbar editor posts instead when a
 * script runs: the block's texts with marks as JSON, taken before the markup. {@code query} is the headline
 * search of a read-also block.
 */
public record BlockForm(String type, String id, String text, String speaker, String role, String media,
        String caption, String credit, String alt, String items, boolean ordered, String story, String url,
        String title, String query, String richJson) {

    static final List<String> TYPES = List.of("paragraph", "subheading", "quote", "image", "list", "readAlso", "embed");

    static BlockForm empty(String type) {
        return new BlockForm(type, UUID.randomUUID().toString().substring(0, 8), "", "", "", "", "", "", "", "", false,
                "", "", "", "", "");
    }

    static BlockForm of(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new BlockForm("paragraph", p.id(), markup(p.text()), "", "", "", "", "", "", "",
                    false, "", "", "", "", "");
            case Block.Subheading s -> new BlockForm("subheading", s.id(), markup(s.text()), "", "", "", "", "", "", "",
                    false, "", "", "", "", "");
            case Block.Quote q -> new BlockForm("quote", q.id(), markup(q.text()), q.speaker(), q.role(), "", "", "", "",
                    "", false, "", "", "", "", "");
            case Block.Image i -> new BlockForm("image", i.id(), "", "", "", Long.toString(i.mediaId()),
                    markup(i.caption()), i.credit(), i.alt(), "", false, "", "", "", "", "");
            case Block.BulletList l -> new BlockForm("list", l.id(), "", "", "", "", "", "", "",
                    l.items().stream().map(BlockForm::markup).collect(Collectors.joining("\n")), l.ordered(), "", "", "",
                    "", "");
            case Block.ReadAlso r -> new BlockForm("readAlso", r.id(), "", "", "", "", "", "", "", "", false,
                    Long.toString(r.storyId()), "", "", "", "");
            case Block.Embed e -> new BlockForm("embed", e.id(), "", "", "", "", "", "", "", "", false, "", e.url(),
                    e.title() == null ? "" : e.title(), "", "");
        };
    }

    private static String markup(RichText text) {
        return InlineMarkup.write(text);
    }

    /** Whether this kind of block has texts with marks, and so the toolbar editor. */
    public boolean hasMarks() {
        return List.of("paragraph", "subheading", "quote", "image", "list").contains(type);
    }

    List<String> itemLines() {
        return Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** This block with its texts as the toolbar editor starts from them: JSON, and the same as markup. */
    BlockForm withTexts(String json, List<RichText> texts) {
        return switch (type) {
            case "image" -> new BlockForm(type, id, text, speaker, role, media, markup(texts.getFirst()), credit, alt, items,
                    ordered, story, url, title, query, json);
            case "list" -> new BlockForm(type, id, text, speaker, role, media, caption, credit, alt,
                    texts.stream().map(BlockForm::markup).collect(Collectors.joining("\n")), ordered, story, url, title,
                    query, json);
            default -> new BlockForm(type, id, markup(texts.getFirst()), speaker, role, media, caption, credit, alt, items,
                    ordered, story, url, title, query, json);
        };
    }

    BlockForm withQuery(String newQuery) {
        return new BlockForm(type, id, text, speaker, role, media, caption, credit, alt, items, ordered, story, url, title,
                newQuery, richJson);
    }

    /** The image's texts from the media library; the caption the toolbar posted (empty) gives way to it. */
    BlockForm withImageText(String newCaption, String newCredit, String newAlt) {
        return new BlockForm(type, id, text, speaker, role, media, newCaption, newCredit, newAlt, items, ordered, story,
                url, title, query, "");
    }
}
