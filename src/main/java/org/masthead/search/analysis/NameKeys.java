package org.masthead.search.analysis;

import org.masthead.platform.Language;
import org.masthead.platform.text.Transliteration;

/**
 * A spelling-neutral key for a name, so that one person is found however the name is written:
 * "Зеленський" (Ukrainian), "Зеленский" (Russian), "Zelensky" and "Zelenskyy" (English) all become
 * "zelenski". Cyrillic goes through the national transliteration tables, then the letters that the
 * standards and the press render differently (y, i, j; doubled letters; apostrophes) are folded together.
 */
public final class NameKeys {

    private NameKeys() {
    }

    /** The key of one word (already lower-cased), or an empty string for words too short to be names. */
    public static String of(String word, Language textLanguage) {
        var latin = Transliteration.toLatin(word, scriptOf(word, textLanguage));
        var key = new StringBuilder(latin.length());
        char previous = 0;
        for (int i = 0; i < latin.length(); i++) {
            char c = fold(latin.charAt(i));
            if (c == 0 || c == previous) {
                continue;
            }
            key.append(c);
            previous = c;
        }
        return key.length() < 3 ? "" : key.toString();
    }

    /** Letters only Russian or only Ukrainian has decide the table; otherwise the text's language does. */
    private static Language scriptOf(String word, Language textLanguage) {
        for (int i = 0; i < word.length(); i++) {
            switch (word.charAt(i)) {
                case 'ы', 'э', 'ъ', 'ё' -> {
                    return Language.RU;
                }
                case 'і', 'ї', 'є', 'ґ' -> {
                    return Language.UK;
                }
                default -> { }
            }
        }
        return textLanguage == Language.RU ? Language.RU : Language.UK;
    }

    private static char fold(char c) {
        if (c == 'y' || c == 'j') {
            return 'i';
        }
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
            return c;
        }
        return 0;   // apostrophes, hyphens, letters of other scripts
    }
}
