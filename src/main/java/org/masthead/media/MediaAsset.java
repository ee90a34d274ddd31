package org.masthead.media;

import java.util.Comparator;
import java.util.List;

/** A stored image with the sizes it can be served in, smallest first. */
public record MediaAsset(long id, String contentType, int width, int height, List<Variant> variants) {

    public record Variant(int width, int height) {
    }

    public Variant largest() {
        return variants.stream().max(Comparator.comparingInt(Variant::width)).orElseThrow();
    }

    /** The smallest variant at least {@code width} pixels wide, or the largest there is. */
    public Variant atLeast(int width) {
        return variants.stream().filter(v -> v.width() >= width).findFirst().orElse(largest());
    }
}
