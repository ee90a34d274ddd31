package org.masthead.identity;

/**
 * An account change was refused because of one field. {@code messageKey} names the UI message
 * that explains why, so the form can show it next to that field.
 */
public class AccountRejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    public AccountRejected(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
