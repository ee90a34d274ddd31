package org.masthead.distribution;

/** A registration Masthead refuses: a malformed URL, an address it may not call, or no events. */
public class InvalidWebhook extends RuntimeException {

    private final String field;

    public InvalidWebhook(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The part of the registration that is wrong: "url" or "events". */
    public String field() {
        return field;
    }
}
