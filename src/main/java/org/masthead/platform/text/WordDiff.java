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
        return merge(parts);
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
