package org.masthead.editorial.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.TaxonomyRejected;
import org.masthead.platform.Localized;
import org.masthead.platform.web.UiMessages;

/**
 * Reads the newsroom's forms exactly as posted (so a refused change shows everything typed) and turns a
 * refusal into the message shown beside its field. Fields in three languages are posted as
 * {@code name.uk}, {@code name.en}, {@code name.ru}.
 */
final class Forms {

    private Forms() {
    }

    static String text(Map<String, String[]> params, String name) {
        var values = params.get(name);
        return values == null || values.length == 0 ? "" : values[0];
    }

    static Localized localized(Map<String, String[]> params, String name) {
        return new Localized(text(params, name + ".uk"), text(params, name + ".en"), text(params, name + ".ru"));
    }

    static boolean checked(Map<String, String[]> params, String name) {
        return "true".equals(text(params, name)) || "on".equals(text(params, name));
    }

    /** The non-blank lines of a text area, such as a list of addresses. */
    static List<String> lines(Map<String, String[]> params, String name) {
        return Arrays.stream(text(params, name).split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Comma-separated entries of a field, such as tags typed in a story's form. */
    static List<String> commaSeparated(String typed) {
        return Arrays.stream(typed.split("[,;]")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    static @Nullable Long id(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    /** The refusal as a field name and the message to show beside it, in the person's language. */
    static Map<String, String> error(TaxonomyRejected rejected, UiMessages t) {
        return Map.of(rejected.field(), t.get(rejected.messageKey(), rejected.arguments().toArray()));
    }
}
