package org.masthead.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.TreeSet;

/**
 * Text hygiene at input, the same for every way text comes in. Removed: the C0 control characters but
 * tab and line feed, DEL, the C1 controls, unpaired surrogates and the noncharacters (U+FDD0–U+FDEF and
 * U+xFFFE/U+xFFFF, which XML cannot carry). A carriage return, with or without its line feed, and the
 * Unicode line and paragraph separators become a line feed; in one-line fields every tab and line break
 * becomes a space. What is left is normalised to NFC. Bidirectional formatting characters are not removed
 * here: headlines refuse them (see {@link ContentRules}).
 */
public final class CleanText {

    private CleanText() {
    }

    /** A one-line text (a headline, a name, a credit): controls removed, breaks and tabs as spaces, NFC. */
    public static String line(String text) {
        return Normalizer.normalize(filter(text, false).text, Normalizer.Form.NFC);
    }

    /** A text that may hold line breaks: controls removed, line ends as {@code \n}, NFC. */
    public static String lines(String text) {
        return Normalizer.normalize(filter(text, true).text, Normalizer.Form.NFC);
    }

    /** A text with marks: cleaned as {@link #lines}, the marks moved with the characters they cover. */
    public static RichText rich(RichText rich) {
        var filtered = filter(rich.text(), true);
        if (filtered.identity && Normalizer.isNormalized(rich.text(), Normalizer.Form.NFC)) {
            return rich;
        }
        // marks whose range is out of bounds are left for the rules to refuse, unmoved
        int length = rich.text().length();
        for (var mark : rich.marks()) {
            if (mark.start() < 0 || mark.end() > length || mark.start() > mark.end()) {
                return new RichText(filtered.text, rich.marks());
            }
        }
        var moved = new ArrayList<Mark>();
        for (var mark : rich.marks()) {
            moved.add(mark.at(filtered.map[mark.start()], filtered.map[mark.end()]));
        }
        // normalise piece by piece between mark boundaries, so every boundary stays where it was
        var boundaries = new TreeSet<Integer>();
        boundaries.add(0);
        boundaries.add(filtered.text.length());
        moved.forEach(m -> {
            boundaries.add(m.start());
            boundaries.add(m.end());
        });
        var out = new StringBuilder(filtered.text.length());
        var shifted = new int[filtered.text.length() + 1];
        Integer previous = null;
        for (int boundary : boundaries) {
            if (previous != null) {
                shifted[previous] = out.length();
                out.append(Normalizer.normalize(filtered.text.substring(previous, boundary), Normalizer.Form.NFC));
            }
            previous = boundary;
        }
        shifted[filtered.text.length()] = out.length();
        var marks = moved.stream().map(m -> m.at(shifted[m.start()], shifted[m.end()])).toList();
        // a mark that covered only removed characters is empty now: the rules name it
        return new RichText(out.toString(), marks);
    }

    /** Whether {@code text} holds a bidirectional embedding, override or isolate character. */
    public static int bidiControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return i;
            }
        }
        return -1;
    }

    private record Filtered(String text, int[] map, boolean identity) {
    }

    /** The kept characters, and for every index of the input (and its end) the index it moved to. */
    private static Filtered filter(String text, boolean multiline) {
        var out = new StringBuilder(text.length());
        var map = new int[text.length() + 1];
        boolean identity = true;
        for (int i = 0; i < text.length(); i++) {
            map[i] = out.length();
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                map[i + 1] = out.length();
                if ((cp & 0xFFFE) == 0xFFFE) {
                    identity = false;
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (c == '\r') {
                identity = false;
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;   // the line feed that follows stands for both
                }
                out.append(multiline ? '\n' : ' ');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
                identity &= c == '\n' && multiline;
                out.append(multiline ? '\n' : ' ');
            } else if (c == '\t') {
                identity &= multiline;
                out.append(multiline ? '\t' : ' ');
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c)
                    || c >= '\uFDD0' && c <= '\uFDEF' || c == '\uFFFE' || c == '\uFFFF') {
                identity = false;
            } else {
                out.append(c);
            }
        }
        map[text.length()] = out.length();
        return new Filtered(out.toString(), map, identity);
    }
}
