package org.masthead.media;

import java.util.List;

/** An image encoded in every width it will be served in, smallest first, not yet stored. */
public record PreparedImage(int width, int height, List<Variant> variants) {

    public record Variant(int width, int height, byte[] bytes) {
    }
}
