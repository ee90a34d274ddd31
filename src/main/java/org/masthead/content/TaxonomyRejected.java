package org.masthead.content;

import java.util.List;

/**
 * A change to a section, tag, author or page was refused because of one field. {@code messageKey}
 * names the UI message that explains why (with {@code arguments}), so a form can show it next to that
 * field and an API can name the field.
 */
public class TaxonomyRejected extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<String> arguments;

    public TaxonomyRejected(String field, String messageKey, String... arguments) {
        super(field + ": " + messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<String> arguments() {
        return arguments;
    }
}
