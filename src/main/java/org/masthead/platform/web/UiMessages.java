package org.masthead.platform.web;

import gg.jte.support.LocalizationSupport;
import java.text.MessageFormat;
import org.masthead.platform.Language;
import org.masthead.platform.text.Plurals;
import org.springframework.context.MessageSource;

/**
 * UI strings of one language for a template, {@code ${t.localize("key")}}, and for code. Reader pages
 * take the language from the URL, never from a session, so cached pages cannot mix languages;
 * newsroom pages take it from the signed-in person's choice.
 */
public record UiMessages(Language language, MessageSource source) implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return source.getMessage(key, null, language.locale());
    }

    /**
     * A counted phrase in the right plural form: {@code count("listing.count", 5)} → "5 матеріалів";
     * {@code more} fill the placeholders after the count, {1} onwards.
     */
    public String count(String key, long count, Object... more) {
        var args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + "." + Plurals.category(language, count).key(), args);
    }

    /**
     * A message as a plain string, for attributes and titles. A message with placeholders is formatted here with
     * a format of its own: the message source formats with one shared {@link MessageFormat} per message, under
     * its lock, and a listing's count on every render made that lock the one place concurrent renders queued.
     */
    public String get(String key, Object... args) {
        var message = source.getMessage(key, null, language.locale());
        return args.length == 0 ? message : new MessageFormat(message, language.locale()).format(args);
    }
}
