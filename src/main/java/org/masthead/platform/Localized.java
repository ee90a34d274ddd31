package org.masthead.platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A short text (a name, a label) held in all three languages. */
public record Localized(String uk, String en, String ru) {

    /** Empty in every language. */
    public static final Localized EMPTY = new Localized("", "", "");

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

    /** The same text in every language. */
    public static Localized same(String text) {
        return new Localized(text, text, text);
    }

    /** Each language's text passed through {@code change}. */
    public Localized map(UnaryOperator<String> change) {
        return new Localized(change.apply(uk), change.apply(en), change.apply(ru));
    }

    /** This text with {@code language}'s replaced. */
    public Localized with(Language language, String text) {
        var texts = asMap();
        texts.put(language, text);
        return of(texts);
    }

    public Map<Language, String> asMap() {
        var texts = new EnumMap<Language, String>(Language.class);
        Language.all().forEach(language -> texts.put(language, in(language)));
        return texts;
    }
}
