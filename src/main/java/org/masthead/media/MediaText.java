package org.masthead.media;

/** Caption, credit and alt text of an image in one language; empty strings where not written yet. */
public record MediaText(String caption, String credit, String alt) {

    public static final MediaText EMPTY = new MediaText("", "", "");

    public boolean complete() {
        return !caption.isBlank() && !credit.isBlank() && !alt.isBlank();
    }
}
