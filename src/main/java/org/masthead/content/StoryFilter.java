package org.masthead.content;

import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** Which published stories a list shows: all of a language, or those of one section, tag or author. */
public record StoryFilter(Language language, @Nullable Long sectionId, @Nullable Long tagId,
        @Nullable Long authorId) {

    public static StoryFilter all(Language language) {
        return new StoryFilter(language, null, null, null);
    }

    public static StoryFilter section(Language language, long sectionId) {
        return new StoryFilter(language, sectionId, null, null);
    }

    public static StoryFilter tag(Language language, long tagId) {
        return new StoryFilter(language, null, tagId, null);
    }

    public static StoryFilter author(Language language, long authorId) {
        return new StoryFilter(language, null, null, authorId);
    }
}
