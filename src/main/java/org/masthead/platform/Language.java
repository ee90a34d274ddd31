package org.masthead.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three languages of the newsroom. The URL code is the ISO 639-1 code; readers see "UA" for Ukrainian. */
public enum Language {
    UK("uk", "UA", "Українська"),
    EN("en", "EN", "English"),
    RU("ru", "RU", "Русский");

    private final String code;
    private final String label;
    private final String nativeName;
    private final Locale locale;

    Language(String code, String label, String nativeName) {
        this.code = code;
        this.label = label;
        this.nativeName = nativeName;
        this.locale = Locale.forLanguageTag(code);
    }

    /** ISO 639-1 code: the URL path segment, the {@code lang} attribute and the BCP 47 tag. */
    public String code() {
        return code;
    }

    /** What the language switcher shows. */
    public String label() {
        return label;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    public static List<Language> all() {
        return List.of(values());
    }
}
