package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * The published text of one language version with everything a reader page shows.
 * {@code liveSlugs} holds the slug of every language version readers can open, this one included;
 * {@code notes} are the dated corrections and updates shown under the story, oldest first.
 */
public record PublishedStory(long id, Language language, String slug, Section section, String headline,
        String standfirst, String seoTitle, String seoDescription, @Nullable LeadImage leadImage,
        List<Block> body, List<Author> authors, List<Tag> tags, Instant firstPublishedAt,
        Instant publishedAt, Instant updatedAt, Map<Language, String> liveSlugs, List<StoryNote> notes) {

    public StoryCard card() {
        return new StoryCard(id, language, slug, section, headline, standfirst, leadImage, publishedAt, updatedAt);
    }
}
