package org.masthead.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;

/**
 * Suggested spellings of a name in the other two languages, by transliteration: Ukrainian and Russian
 * to Latin letters by the standards of {@link Transliteration} (capitals kept), Latin back to Cyrillic by
 * the reverse of those tables, and between Ukrainian and Russian letter by letter. These are
 * suggestions for a person to check ("Олена" becomes "Olena" and Russian "Олена", where the person
 * may prefer "Елена"), never silent changes.
 */
public final class Spellings {

    /** Latin letter groups back to Ukrainian, longest first so that "shch" wins over "sh". */
    private static final List<Map.Entry<String, String>> LATIN_TO_UKRAINIAN = List.of(
            Map.entry("shch", "щ"), Map.entry("zgh", "зг"), Map.entry("kh", "х"), Map.entry("zh", "ж"),
            Map.entry("ts", "ц"), Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("yu", "ю"),
            Map.entry("iu", "ю"), Map.entry("ya", "я"), Map.entry("ia", "я"), Map.entry("ye", "є"),
            Map.entry("ie", "є"), Map.entry("yi", "ї"), Map.entry("a", "а"), Map.entry("b", "б"),
            Map.entry("v", "в"), Map.entry("w", "в"), Map.entry("h", "г"), Map.entry("g", "ґ"), Map.entry("d", "д"),
            Map.entry("e", "е"), Map.entry("z", "з"), Map.entry("y", "и"), Map.entry("i", "і"), Map.entry("j", "й"),
            Map.entry("k", "к"), Map.entry("c", "к"), Map.entry("q", "к"), Map.entry("l", "л"), Map.entry("m", "м"),
            Map.entry("n", "н"), Map.entry("o", "о"), Map.entry("p", "п"), Map.entry("r", "р"), Map.entry("s", "с"),
            Map.entry("t", "т"), Map.entry("u", "у"), Map.entry("f", "ф"), Map.entry("x", "кс"));

    private static final List<Map.Entry<String, String>> LATIN_TO_RUSSIAN = List.of(
            Map.entry("shch", "щ"), Map.entry("kh", "х"), Map.entry("zh", "ж"), Map.entry("ts", "ц"),
            Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("yu", "ю"), Map.entry("iu", "ю"),
            Map.entry("ya", "я"), Map.entry("ia", "я"), Map.entry("ye", "е"), Map.entry("ie", "е"),
            Map.entry("a", "а"), Map.entry("b", "б"), Map.entry("v", "в"), Map.entry("w", "в"), Map.entry("h", "х"),
            Map.entry("g", "г"), Map.entry("d", "д"), Map.entry("e", "е"), Map.entry("z", "з"), Map.entry("y", "ы"),
            Map.entry("i", "и"), Map.entry("j", "й"), Map.entry("k", "к"), Map.entry("c", "к"), Map.entry("q", "к"),
            Map.entry("l", "л"), Map.entry("m", "м"), Map.entry("n", "н"), Map.entry("o", "о"), Map.entry("p", "п"),
            Map.entry("r", "р"), Map.entry("s", "с"), Map.entry("t", "т"), Map.entry("u", "у"), Map.entry("f", "ф"),
            Map.entry("x", "кс"));

    /** Ukrainian "и" stays "и": in first names it mostly is (Ірина, Кирило), though Лисенко is Лысенко. */
    private static final Map<Character, String> UKRAINIAN_TO_RUSSIAN = Map.of(
            'і', "и", 'ї', "йи", 'є', "е", 'ґ', "г", '\'', "ъ", '’', "ъ", 'ʼ', "ъ");

    private static final Map<Character, String> RUSSIAN_TO_UKRAINIAN = Map.of(
            'и', "і", 'ы', "и", 'э', "е", 'ё', "ьо", 'ъ', "'");

    private Spellings() {
    }

    /**
     * {@code name} with its blank languages filled from the first language (Ukrainian, English, Russian)
     * that has one; languages already written are kept as they are.
     */
    public static Localized suggest(Localized name) {
        var source = Language.all().stream().filter(l -> !name.in(l).isBlank()).findFirst();
        if (source.isEmpty()) {
            return name;
        }
        var from = source.get();
        var text = name.in(from).strip();
        var filled = name;
        for (var language : Language.all()) {
            if (name.in(language).isBlank()) {
                filled = filled.with(language, convert(text, from, language));
            }
        }
        return filled;
    }

    /** {@code name}, written for {@code from}'s readers, spelled for {@code to}'s. */
    public static String convert(String name, Language from, Language to) {
        if (from == to) {
            return name;
        }
        if (to == Language.EN) {
            return keepCapitals(name, Transliteration.toLatin(name, from));
        }
        if (from == Language.EN) {
            return keepCapitals(name, fromLatin(name, to));
        }
        var table = from == Language.UK ? UKRAINIAN_TO_RUSSIAN : RUSSIAN_TO_UKRAINIAN;
        var out = new StringBuilder();
        for (char c : name.toCharArray()) {
            char lower = Character.toLowerCase(c);
            var mapped = table.get(lower);
            if (mapped == null) {
                out.append(c);
            } else {
                out.append(Character.isUpperCase(c) ? capitalize(mapped) : mapped);
            }
        }
        return out.toString();
    }

    /** The language whose script and letters {@code text} uses: Latin is English, Cyrillic Ukrainian unless Russian-only letters show. */
    public static Language languageOf(String text, Language cyrillicDefault) {
        boolean cyrillic = false;
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ("іїєґ".indexOf(c) >= 0) {
                return Language.UK;
            }
            if ("ыэъё".indexOf(c) >= 0) {
                return Language.RU;
            }
            cyrillic |= Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
        }
        return cyrillic ? (cyrillicDefault == Language.EN ? Language.UK : cyrillicDefault) : Language.EN;
    }

    private static String fromLatin(String name, Language to) {
        var table = to == Language.RU ? LATIN_TO_RUSSIAN : LATIN_TO_UKRAINIAN;
        var lower = name.toLowerCase(java.util.Locale.ROOT);
        var out = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            boolean wordEnd = i + 2 >= lower.length() || !Character.isLetter(lower.charAt(i + 2));
            if (lower.startsWith("ii", i) && wordEnd) {
                out.append(to == Language.RU ? "ий" : "ій");   // Andrii, Yurii: the usual ending
                i += 2;
                continue;
            }
            if (lower.startsWith("yi", i) && to == Language.RU) {
                out.append("ый");
                i += 2;
                continue;
            }
            var match = matchAt(lower, i, table);
            if (match == null) {
                out.append(lower.charAt(i));
                i++;
            } else {
                out.append(match.getValue());
                i += match.getKey().length();
            }
        }
        return out.toString();
    }

    private static Map.@Nullable Entry<String, String> matchAt(String text, int at, List<Map.Entry<String, String>> table) {
        for (var entry : table) {
            if (text.startsWith(entry.getKey(), at)) {
                return entry;
            }
        }
        return null;
    }

    /** Capitalises each word of {@code converted} whose counterpart in {@code original} starts with a capital. */
    private static String keepCapitals(String original, String converted) {
        var originalWords = words(original);
        var words = converted.split("(?<=[\\s-])", -1);
        var out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            var word = words[i];
            boolean capital = i < originalWords.size() ? originalWords.get(i) : false;
            out.append(capital ? capitalize(word) : word);
        }
        return out.toString();
    }

    private static List<Boolean> words(String text) {
        var capitals = new ArrayList<Boolean>();
        for (var word : text.split("(?<=[\\s-])", -1)) {
            capitals.add(!word.isEmpty() && Character.isUpperCase(word.charAt(0)));
        }
        return capitals;
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
