package org.masthead.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable difference between two texts, word by word (spaces and punctuation kept with the
 * words), for showing editors and translators what changed. Longest-common-subsequence based; texts
 * longer than {@link #MAX_TOKENS} words fall back to "all removed, all inserted" to bound the cost.
 */
public final class WordDiff {

    static final int MAX_TOKENS = 4_000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}’'-]+|[^\\s\\p{L}\\p{N}]");

    public enum Kind { SAME, REMOVED, ADDED }

    public record Part(Kind kind, String text) {
    }

    private WordDiff() {
    }

    public static List<Part> between(String before, String after) {
        var a = tokens(before);
        var b = tokens(after);
        if ((long) a.size() * b.size() > (long) MAX_TOKENS * MAX_TOKENS / 4 || a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return merge(List.of(new Part(Kind.REMOVED, before), new Part(Kind.ADDED, after)));
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        var lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var parts = new ArrayList<Part>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                parts.add(new Part(Kind.SAME, a.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                parts.add(new Part(Kind.REMOVED, a.get(i++)));
            } else {
                parts.add(new Part(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            parts.add(new Part(Kind.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            parts.add(new Part(Kind.ADDED, b.get(j++)));
        }
        return merge(joinChanges(parts));
    }

    /**
     * Reads "in August" → "in September" as one change rather than word, space, word: a run of
     * changes with only spaces between them (no line break) becomes one removal followed by one addition.
     */
    private static List<Part> joinChanges(List<Part> parts) {
        var joined = new ArrayList<Part>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            var part = parts.get(k);
            boolean spaceBetweenChanges = part.kind() == Kind.SAME && part.text().isBlank()
                    && part.text().indexOf('\n') < 0   // a paragraph break keeps changes apart
                    && (removed.length() > 0 || added.length() > 0)
                    && k + 1 < parts.size() && parts.get(k + 1).kind() != Kind.SAME;
            if (part.kind() == Kind.REMOVED) {
                removed.append(part.text());
            } else if (part.kind() == Kind.ADDED) {
                added.append(part.text());
            } else if (spaceBetweenChanges) {
                removed.append(part.text());
                added.append(part.text());
            } else {
                flush(joined, removed, added);
                joined.add(part);
            }
        }
        flush(joined, removed, added);
        return joined;
    }

    private static void flush(List<Part> joined, StringBuilder removed, StringBuilder added) {
        if (removed.length() > 0) {
            joined.add(new Part(Kind.REMOVED, removed.toString()));
        }
        if (added.length() > 0) {
            joined.add(new Part(Kind.ADDED, added.toString()));
        }
        removed.setLength(0);
        added.setLength(0);
    }

    /** Whether the two texts differ in anything but the amount of white space. */
    public static boolean changed(List<Part> parts) {
        return parts.stream().anyMatch(p -> p.kind() != Kind.SAME && !p.text().isBlank());
    }

    private static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Joins neighbouring parts of the same kind, so the result reads as phrases, not single words. */
    private static List<Part> merge(List<Part> parts) {
        var merged = new ArrayList<Part>();
        for (var part : parts) {
            if (part.text().isEmpty()) {
                continue;
            }
            if (!merged.isEmpty() && merged.getLast().kind() == part.kind()) {
                merged.set(merged.size() - 1, new Part(part.kind(), merged.getLast().text() + part.text()));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }
}
