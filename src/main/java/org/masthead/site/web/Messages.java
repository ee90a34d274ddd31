package org.masthead.site.web;

import gg.jte.support.LocalizationSupport;
import org.masthead.platform.Language;
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

    /** A message as a plain string, for attributes and titles. */
    public String get(String key, Object... args) {
        return source.getMessage(key, args.length == 0 ? null : args, language.locale());
    }
}
