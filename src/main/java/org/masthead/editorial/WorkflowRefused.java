package org.masthead.editorial;

/** The person may not do this with this story in its current state; answered with 403. */
public class WorkflowRefused extends RuntimeException {

    public WorkflowRefused(String action, long storyId) {
        super("Refused: " + action + " on story " + storyId);
    }
}
