package org.masthead.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Walks a {@link RichText} as properly nested elements, as HTML and the newsroom's markup need them:
 * links outermost, then bold, italic, superscript, subscript. Marks that overlap without nesting are
 * split where they cross; touching marks of the same kind join into one element.
 */
public final class InlineTree {

    private InlineTree() {
    }

    /** What a writer does with the walk: elements opened and closed around runs of text. */
    public interface Visitor {

        void open(Mark mark);

        void close(Mark mark);

        /** A run of text; a {@code \n} in it is a line break. */
        void text(String text);
    }

    public static void walk(RichText rich, Visitor visitor) {
        var text = rich.text();
        var marks = rich.marks().stream()
                .filter(m -> m.start() >= 0 && m.end() <= text.length() && m.start() < m.end()).toList();
        if (marks.isEmpty()) {
            if (!text.isEmpty()) {
                visitor.text(text);
            }
            return;
        }
        var boundaries = new TreeSet<Integer>();
        boundaries.add(0);
        boundaries.add(text.length());
        marks.forEach(m -> {
            boundaries.add(m.start());
            boundaries.add(m.end());
        });
        var open = new ArrayList<Mark>();
        Integer from = null;
        for (int to : boundaries) {
            if (from != null) {
                int start = from;
                var active = marks.stream().filter(m -> m.start() <= start && m.end() >= to)
                        .sorted(Comparator.comparingInt(Mark::rank)).toList();
                int keep = 0;
                while (keep < open.size() && keep < active.size() && same(open.get(keep), active.get(keep))) {
                    keep++;
                }
                closeDownTo(open, keep, visitor);
                for (int i = keep; i < active.size(); i++) {
                    open.add(active.get(i));
                    visitor.open(active.get(i));
                }
                visitor.text(text.substring(start, to));
            }
            from = to;
        }
        closeDownTo(open, 0, visitor);
    }

    private static void closeDownTo(List<Mark> open, int size, Visitor visitor) {
        while (open.size() > size) {
            visitor.close(open.removeLast());
        }
    }

    /** Links stay open only over their own range; decorators of one kind join. */
    private static boolean same(Mark open, Mark active) {
        return open.isLink() ? open == active : open.kind().equals(active.kind());
    }
}
