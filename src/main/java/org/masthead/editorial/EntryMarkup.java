package org.masthead.editorial;

import java.util.ArrayList;
import java.util.List;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;

/**
 * A live blog entry's body as people type it in the newsroom: paragraphs apart by a blank line, a paragraph that
 * starts with "## " a sub-heading, inline marks as {@link InlineMarkup} writes them. The composer and the
 * translation desk read and write entries this one way.
 */
public final class EntryMarkup {

    private EntryMarkup() {
    }

    /** The blocks typed; throws {@link InlineMarkup.Unreadable} for marks that do not close. */
    public static List<Block> blocks(String typed) {
        var blocks = new ArrayList<Block>();
        int n = 0;
        for (var part : typed.replace("\r\n", "\n").split("\n\\s*\n")) {
            var text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            n++;
            if (text.startsWith("## ")) {
                blocks.add(new Block.Subheading("h" + n, InlineMarkup.parse(text.substring(3).strip())));
            } else {
                blocks.add(new Block.Paragraph("p" + n, InlineMarkup.parse(text)));
            }
        }
        return blocks;
    }

    /** The text blocks of {@code body} as they are typed. */
    public static String write(List<Block> body) {
        var parts = new ArrayList<String>();
        for (var block : body) {
            switch (block) {
                case Block.Paragraph p -> parts.add(InlineMarkup.write(p.text()));
                case Block.Subheading s -> parts.add("## " + InlineMarkup.write(s.text()));
                default -> { }
            }
        }
        return String.join("\n\n", parts);
    }
}
