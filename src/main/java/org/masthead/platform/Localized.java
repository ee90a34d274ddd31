package org.masthead.platform;

import java.util.Map;

/** A short text (a name, a label) held in all three languages. */
public record Localized(String uk, String en, String ru) {

    public String in(Language language) {
        return switch (language) {
            case UK -> uk;
            case EN -> en;
            case RU -> ru;
        };
    }

    public static Localized of(Map<Language, String> texts) {
        return new Localized(texts.getOrDefault(Language.UK, ""), texts.getOrDefault(Language.EN, ""),
                texts.getOrDefault(Language.RU, ""));
    }
}
