package org.masthead.media;

/**
 * An upload was refused; {@code messageKey} names the UI message saying why. A {@link #temporary} refusal (the
 * store of images cannot be reached) is no fault of the file: the same upload may succeed in a moment.
 */
public class UploadRejected extends RuntimeException {

    private final String messageKey;
    private final boolean temporary;

    public UploadRejected(String messageKey) {
        this(messageKey, false);
    }

    UploadRejected(String messageKey, boolean temporary) {
        super(messageKey);
        this.messageKey = messageKey;
        this.temporary = temporary;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean temporary() {
        return temporary;
    }
}
