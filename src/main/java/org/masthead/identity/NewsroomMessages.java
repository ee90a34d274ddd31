package org.masthead.identity;

import gg.jte.support.LocalizationSupport;
import org.masthead.platform.Language;
import org.springframework.context.MessageSource;

/** Newsroom UI strings in the signed-in person's chosen language: {@code ${t.localize("key")}}. */
public record NewsroomMessages(Language language, MessageSource source) implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return source.getMessage(key, null, language.locale());
    }

    /** A message as a plain string, for attributes and titles. */
    public String get(String key, Object... args) {
        return source.getMessage(key, args.length == 0 ? null : args, language.locale());
    }
}
