package org.masthead.media;

/**
 * The store of images cannot be reached (an S3-compatible server that is down or refuses the connection): nothing
 * was written or read, and the same call may succeed once it is back, without a restart.
 */
public class MediaStoreUnavailable extends RuntimeException {

    public MediaStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
