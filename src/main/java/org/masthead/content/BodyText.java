package org.masthead.content;

import java.util.ArrayList;
import java.util.List;

/** The words of a body without marks, blocks apart by a blank line: what a short text says, for feeds and structured data. */
public final class BodyText {

    private BodyText() {
    }

    public static String plain(List<Block> body) {
        var texts = new ArrayList<String>();
        for (var block : body) {
            switch (block) {
                case Block.Paragraph p -> texts.add(p.text().text());
                case Block.Subheading s -> texts.add(s.text().text());
                case Block.Quote q -> texts.add(q.text().text() + " — " + q.speaker());
                case Block.BulletList l -> l.items().forEach(item -> texts.add(item.text()));
                default -> { }
            }
        }
        return String.join("\n\n", texts);
    }
}
