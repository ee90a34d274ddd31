package org.masthead.content;

/** An entry was posted to a live blog that has ended (or to a story that is no live blog); nothing was saved. */
public class LiveBlogClosed extends RuntimeException {

    private final long storyId;

    public LiveBlogClosed(long storyId, String why) {
        super(why, null, false, false);
        this.storyId = storyId;
    }

    public long storyId() {
        return storyId;
    }
}
