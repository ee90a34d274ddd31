package org.masthead.content;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Where a story is filed, whatever its status: the section, tags and authors whose pages list it. */
public record StoryFiling(long storyId, long sectionId, List<Long> tagIds, List<Long> authorIds) {

    public StoryFiling {
        tagIds = List.copyOf(tagIds);
        authorIds = List.copyOf(authorIds);
    }

    /** The sections, tags and authors of this filing and of {@code other} together. */
    public Keys with(StoryFiling other) {
        var sections = new TreeSet<>(List.of(sectionId, other.sectionId));
        var tags = new TreeSet<>(tagIds);
        tags.addAll(other.tagIds);
        var authors = new TreeSet<>(authorIds);
        authors.addAll(other.authorIds);
        return new Keys(sections, tags, authors);
    }

    /** Ids of sections, tags and authors, each once. */
    public record Keys(Set<Long> sectionIds, Set<Long> tagIds, Set<Long> authorIds) {
    }
}
