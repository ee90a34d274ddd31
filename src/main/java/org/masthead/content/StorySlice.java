package org.masthead.content;

import java.util.List;

/** One page of a list of stories, with the total so that callers can paginate. */
public record StorySlice(List<StoryCard> stories, int total) {
}
