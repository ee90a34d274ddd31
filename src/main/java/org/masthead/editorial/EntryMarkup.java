package org.masthead.editorial;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;

/**
 * A live blog entry's body as people type it in the newsroom: paragraphs apart by a blank line, a paragraph that
 * starts with "## " a sub-heading, inline marks as {@link InlineMarkup} writes them. The composer reads and writes
 * entries this one way; other blocks are not typed here, and a correction keeps them.
 */
public final class EntryMarkup {

    private EntryMarkup() {
    }

    /** The blocks typed; throws {@link InlineMarkup.Unreadable} for marks that do not close. */
    public static List<Block> blocks(String typed) {
        return blocks(typed, Set.of());
    }

    /**
     * A correction of {@code current} as typed: the typed text blocks, and every block the markup cannot show
     * (images, quotes, lists, embeds, read-also links: an entry posted through the API may have them) kept as it is,
     * after as many text blocks as stood before it, so that correcting a paragraph never drops a photo.
     */
    public static List<Block> corrected(List<Block> current, String typed) {
        var kept = new HashSet<String>();
        current.stream().filter(block -> !isText(block)).forEach(block -> kept.add(block.id()));
        var text = blocks(typed, kept);
        var body = new ArrayList<Block>();
        int textBefore = 0;
        int placed = 0;
        for (var block : current) {
            if (isText(block)) {
                textBefore++;
                continue;
            }
            while (placed < Math.min(textBefore, text.size())) {
                body.add(text.get(placed++));
            }
            body.add(block);
        }
        body.addAll(text.subList(placed, text.size()));
        return body;
    }

    /** The blocks typed, with ids none of {@code taken}. */
    private static List<Block> blocks(String typed, Set<String> taken) {
        var blocks = new ArrayList<Block>();
        int n = 0;
        for (var part : typed.replace("\r\n", "\n").split("\n\\s*\n")) {
            var text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            boolean subheading = text.startsWith("## ");
            String id;
            do {
                n++;
                id = (subheading ? "h" : "p") + n;
            } while (taken.contains(id));
            if (subheading) {
                blocks.add(new Block.Subheading(id, InlineMarkup.parse(text.substring(3).strip())));
            } else {
                blocks.add(new Block.Paragraph(id, InlineMarkup.parse(text)));
            }
        }
        return blocks;
    }

    private static boolean isText(Block block) {
        return block instanceof Block.Paragraph || block instanceof Block.Subheading;
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
