package org.masthead.platform.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.masthead.platform.Language;

/** URL slugs from headlines and names: Latin letters, digits and hyphens only. */
public final class Slugs {

    /** Long enough to identify a story, short enough to read in a shared link. */
    static final int MAX_LENGTH = 80;

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`]");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** A slug for {@code text} written in {@code language}; "story" when nothing Latin remains. */
    public static String of(String text, Language language) {
        var latin = Transliteration.toLatin(text, language);
        var plain = DIACRITICS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        var slug = NOT_SLUG.matcher(APOSTROPHES.matcher(plain).replaceAll("")).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "story" : slug;
    }

    /** Whether {@code candidate} has the shape of a slug (used to validate hand-written slugs). */
    public static boolean isValid(String candidate) {
        return !candidate.isEmpty() && candidate.length() <= MAX_LENGTH
                && candidate.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
