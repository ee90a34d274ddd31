package org.masthead.content;

public class StoryNotFound extends RuntimeException {

    public StoryNotFound(long storyId) {
        super("No story " + storyId);
    }
}
