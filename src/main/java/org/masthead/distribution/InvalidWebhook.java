package org.masthead.distribution;

/**
 * A registration Masthead refuses: a malformed URL, an address it may not call, or no events. The
 * message is English for logs; screens show {@code newsroom.webhooks.error.<reason>} with {@link #arguments()}.
 */
public class InvalidWebhook extends RuntimeException {

    private final String field;
    private final String reason;
    private final transient Object[] arguments;

    InvalidWebhook(String field, String reason, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    /** The part of the registration that is wrong: "url", "events" or "description". */
    public String field() {
        return field;
    }

    /** The message key of the reason, under {@code newsroom.webhooks.error.}. */
    public String messageKey() {
        return "newsroom.webhooks.error." + reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
