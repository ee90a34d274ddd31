package org.masthead.platform.text;

import java.util.Map;
import org.masthead.platform.Language;

/**
 * Cyrillic to Latin letters by named standards, so that slugs are readable and stable:
 * <ul>
 * <li>Ukrainian: the national transliteration of the Cabinet of Ministers of Ukraine, Resolution
 * No. 55 of 27 January 2010 (є, ї, й, ю, я take their word-initial forms ye, yi, y, yu, ya at the start
 * of a word; "зг" becomes "zgh"; the soft sign and the apostrophe are dropped).</li>
 * <li>Russian: ICAO Doc 9303 (machine-readable travel documents), as used in Russian passports since
 * 2013.</li>
 * </ul>
 * Text in English passes through; any Cyrillic in it follows the Ukrainian table.
 */
public final class Transliteration {

    private static final Map<Character, String> UKRAINIAN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"),
            Map.entry('я', "ia"), Map.entry('\'', ""), Map.entry('’', ""), Map.entry('ʼ', ""),
            // Russian letters met in Ukrainian text (quoted names) get their ICAO values
            Map.entry('ё', "e"), Map.entry('ъ', "ie"), Map.entry('ы', "y"), Map.entry('э', "e"));

    private static final Map<Character, String> UKRAINIAN_WORD_INITIAL = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

    private static final Map<Character, String> RUSSIAN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', "ie"),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "iu"),
            Map.entry('я', "ia"),
            // Ukrainian letters met in Russian text (quoted names) get their national values
            Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('є', "ie"), Map.entry('ґ', "g"));

    private Transliteration() {
    }

    /** Latin letters for {@code text}, lower case; characters other than Cyrillic letters are kept. */
    public static String toLatin(String text, Language language) {
        var table = language == Language.RU ? RUSSIAN : UKRAINIAN;
        var lower = text.toLowerCase(language.locale());
        var out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (table == UKRAINIAN) {
                boolean wordStart = i == 0 || !Character.isLetter(lower.charAt(i - 1))
                        && !isApostrophe(lower.charAt(i - 1));
                if (wordStart && UKRAINIAN_WORD_INITIAL.containsKey(c)) {
                    out.append(UKRAINIAN_WORD_INITIAL.get(c));
                    continue;
                }
                if (c == 'г' && i > 0 && lower.charAt(i - 1) == 'з') {
                    out.append("gh");   // "зг" is "zgh", so that it is not read as "zh"
                    continue;
                }
            }
            var latin = table.get(c);
            out.append(latin != null ? latin : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ';
    }
}
