package org.masthead.editorial;

/** The person's roles do not allow this change to the newsroom's sections, tags, authors, pages or settings; 403. */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String action) {
        super("Not allowed: " + action, null, false, false);
    }
}
