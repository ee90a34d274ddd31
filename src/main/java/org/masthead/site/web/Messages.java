package org.masthead.site.web;

import gg.jte.support.LocalizationSupport;
import org.masthead.platform.Language;
import org.masthead.platform.text.Plurals;
import org.springframework.context.MessageSource;

/**
 * UI strings of one language for a template: {@code ${t.localize("key")}}. The language comes from
 * the URL, never from a session, so cached pages cannot mix languages.
 */
public record Messages(Language language, MessageSource source) implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return source.getMessage(key, null, language.locale());
    }

    /** A counted phrase in the right plural form: {@code count("listing.count", 5)} → "5 матеріалів". */
    public String count(String key, long count) {
        return get(key + "." + Plurals.category(language, count).key(), count);
    }

    /** A message as a plain string, for attributes and titles. */
    public String get(String key, Object... args) {
        return source.getMessage(key, args.length == 0 ? null : args, language.locale());
    }
}
