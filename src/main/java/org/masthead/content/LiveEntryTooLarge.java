package org.masthead.content;

import java.util.List;

/**
 * An entry over a live blog's limits ({@link LiveBlogs#MAX_ENTRY_BLOCKS} blocks, {@link LiveBlogs#MAX_ENTRY_TEXT}
 * characters of text in all): an entry is short, a long text is a story of its own. Nothing was saved, and the
 * rules were not run on the rest of it.
 */
public class LiveEntryTooLarge extends InvalidContent {

    public LiveEntryTooLarge(List<Problem> problems) {
        super(problems);
    }
}
