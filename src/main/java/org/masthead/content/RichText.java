package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text with inline marks: the plain {@code text} exactly as readers read it (a line break is a
 * {@code \n}), and {@code marks} that each cover the range {@code [start, end)} of it, counted in UTF-16
 * code units as in Java and JavaScript strings. Decorators (bold, italic, superscript, subscript) may
 * overlap marks of other kinds; links never overlap links. Stored as JSON
 * {@code {"text": "...", "marks": [{"type": "bold", "start": 0, "end": 4}, ...]}}, never as HTML; a plain
 * JSON string is read as a text without marks. {@link ContentRules} checks and cleans every text that
 * comes in and stores it in its {@link #canonical} form.
 */
public record RichText(String text, List<Mark> marks) {

    public static final RichText EMPTY = new RichText("", List.of());

    /** The order marks are kept in: by start, longer first, then by kind. */
    static final Comparator<Mark> ORDER = Comparator.comparingInt(Mark::start)
            .thenComparing(Comparator.comparingInt(Mark::end).reversed())
            .thenComparingInt(Mark::rank)
            .thenComparing(Mark::toString);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RichText(@Nullable String text, @Nullable List<Mark> marks) {
        this.text = text == null ? "" : text;
        this.marks = marks == null ? List.of() : List.copyOf(marks.stream().filter(Objects::nonNull).toList());
    }

    /**
     * The same text with its marks in the canonical order, decorators of one kind that touch joined: how
     * texts are stored, so that equal texts are equal records. Marks keep the order they came in until then,
     * so that a refusal can name a mark by the index its sender gave it.
     */
    public RichText canonical() {
        var sorted = new ArrayList<>(marks);
        sorted.sort(ORDER);
        var joined = joined(sorted);
        return joined.equals(marks) ? this : new RichText(text, joined);
    }

    /** Decorators of one kind that touch (one ends where the other starts) are one mark. */
    private static List<Mark> joined(List<Mark> sorted) {
        var out = new ArrayList<Mark>(sorted.size());
        for (var mark : sorted) {
            int touching = -1;
            if (!mark.isLink()) {
                for (int i = out.size() - 1; i >= 0; i--) {
                    var before = out.get(i);
                    if (before.getClass() == mark.getClass() && before.end() == mark.start() && before.start() < before.end()
                            && mark.start() < mark.end()) {
                        touching = i;
                        break;
                    }
                }
            }
            if (touching < 0) {
                out.add(mark);
            } else {
                out.set(touching, out.get(touching).at(out.get(touching).start(), mark.end()));
            }
        }
        if (out.size() != sorted.size()) {
            out.sort(ORDER);
        }
        return out;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RichText plain(@Nullable String text) {
        return new RichText(text, List.of());
    }

    @JsonIgnore
    public boolean isBlank() {
        return text.isBlank();
    }

    /** The ids of the stories this text links to. */
    public List<Long> linkedStories() {
        return marks.stream().filter(Mark.StoryLink.class::isInstance).map(m -> ((Mark.StoryLink) m).storyId())
                .distinct().toList();
    }

    /** The text between {@code start} and {@code end} with the marks inside it, shifted to start at 0. */
    public RichText slice(int start, int end) {
        var inside = new ArrayList<Mark>();
        for (var mark : marks) {
            int from = Math.max(start, mark.start());
            int to = Math.min(end, mark.end());
            if (from < to) {
                inside.add(mark.at(from - start, to - start));
            }
        }
        return new RichText(text.substring(start, end), inside).canonical();
    }

    /** This text followed by {@code other}, whose marks move along by this text's length. */
    public RichText append(RichText other) {
        var all = new ArrayList<>(marks);
        int shift = text.length();
        other.marks.forEach(m -> all.add(m.at(m.start() + shift, m.end() + shift)));
        return new RichText(text + other.text, all).canonical();
    }

    /** Leading and trailing whitespace removed, marks kept on the text that remains. */
    public RichText strip() {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? this : slice(start, end);
    }
}
