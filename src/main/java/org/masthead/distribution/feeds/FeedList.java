package org.masthead.distribution.feeds;

import java.util.List;
import org.masthead.content.StoryFilter;

/** A list of stories that has a feed: its page's path, its title and which stories it holds. */
record FeedList(String path, String title, String description, StoryFilter filter, List<String> cacheKeys) {
}
