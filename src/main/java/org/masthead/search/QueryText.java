package org.masthead.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, split into words and "quoted phrases", with its size bounded: at most
 * {@value #MAX_LENGTH} characters and {@value #MAX_CLAUSES} clauses are used, and {@link #shortened()}
 * says when some were left out, so the page can tell the reader.
 */
public record QueryText(String text, List<Clause> clauses, boolean shortened) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_CLAUSES = 12;

    /** A word or a phrase of several words that must appear together. */
    public record Clause(String text, boolean phrase) {
    }

    public static QueryText parse(String raw) {
        var text = raw.strip().replaceAll("[\\p{Cntrl}\\s]+", " ");
        boolean shortened = false;
        if (text.length() > MAX_LENGTH) {
            int cut = text.lastIndexOf(' ', MAX_LENGTH);
            text = text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).strip();
            shortened = true;
        }
        var clauses = new ArrayList<Clause>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '«' || c == '“') {
                int end = indexOfClosingQuote(text, i + 1);
                add(clauses, text.substring(i + 1, end), true);
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && !isQuote(text.charAt(end))) {
                    end++;
                }
                add(clauses, text.substring(i, end), false);
                i = end;
            }
        }
        if (clauses.size() > MAX_CLAUSES) {
            clauses.subList(MAX_CLAUSES, clauses.size()).clear();
            shortened = true;
        }
        return new QueryText(text, List.copyOf(clauses), shortened);
    }

    /** Nothing searchable: empty, or only punctuation. */
    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    private static void add(List<Clause> clauses, String part, boolean quoted) {
        var clean = part.strip();
        if (clean.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        clauses.add(new Clause(clean, quoted && clean.indexOf(' ') > 0));
    }

    private static int indexOfClosingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isQuote(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '«' || c == '»' || c == '“' || c == '”';
    }
}
