package org.masthead.content;

import org.masthead.platform.Language;

/** Someone saved the version since the editor loaded it; the caller must show both texts. */
public class EditConflict extends RuntimeException {

    private final long storyId;
    private final Language language;
    private final int currentRevision;

    public EditConflict(long storyId, Language language, int currentRevision) {
        super("Story " + storyId + " (" + language.code() + ") is at revision " + currentRevision);
        this.storyId = storyId;
        this.language = language;
        this.currentRevision = currentRevision;
    }

    public long storyId() {
        return storyId;
    }

    public Language language() {
        return language;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
