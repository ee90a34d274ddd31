package org.masthead.content;

import java.util.List;

/** Where a story is filed, whatever its status: the section, tags and authors whose pages list it. */
public record StoryFiling(long storyId, long sectionId, List<Long> tagIds, List<Long> authorIds) {

    public StoryFiling {
        tagIds = List.copyOf(tagIds);
        authorIds = List.copyOf(authorIds);
    }
}
