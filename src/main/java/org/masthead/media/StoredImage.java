package org.masthead.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored image file as it is served: its length, an entity tag that changes with its bytes, and a way to read
 * them. {@link #open} may fail with {@link MediaStoreUnavailable} when the store went away since it was found.
 */
public record StoredImage(long length, String etag, Bytes bytes) {

    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return bytes.open();
    }
}
