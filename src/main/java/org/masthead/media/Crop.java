package org.masthead.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aspect ratios that previews and structured data ask for (search results, link cards, feeds):
 * a centre cut of the original, so every image offers a wide, a classic and a square shape.
 */
public enum Crop {
    WIDE("16x9", 16, 9),
    CLASSIC("4x3", 4, 3),
    SQUARE("1x1", 1, 1);

    private final String name;
    private final int across;
    private final int down;

    Crop(String name, int across, int down) {
        this.name = name;
        this.across = across;
        this.down = down;
    }

    /** As it appears in URLs: "16x9", "4x3", "1x1". */
    public String urlName() {
        return name;
    }

    public int heightFor(int width) {
        return Math.round((float) width * down / across);
    }

    /** The widest rectangle of this shape inside an image of the given size. */
    int widestIn(int width, int height) {
        return Math.min(width, Math.round((float) height * across / down));
    }

    public static Optional<Crop> fromUrlName(String name) {
        return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
    }
}
