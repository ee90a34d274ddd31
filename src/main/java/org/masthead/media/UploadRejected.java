package org.masthead.media;

/** An upload was refused; {@code messageKey} names the UI message saying why. */
public class UploadRejected extends RuntimeException {

    private final String messageKey;

    public UploadRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
