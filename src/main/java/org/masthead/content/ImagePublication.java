package org.masthead.content;

import java.util.Set;

/**
 * Told, inside the transaction that makes versions live, which images they show, so an image can stay
 * out of public reach until a story that shows it is published. The media module implements it; it is
 * declared here so that content needs to know nothing of media.
 */
public interface ImagePublication {

    /** The images that the story's live versions show from now on (some may have been public already). */
    void nowShown(Set<Long> mediaIds);
}
