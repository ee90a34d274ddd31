package org.masthead.content;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** A published version as lists show it: enough for a teaser, a link and an image. */
public record StoryCard(long id, Language language, String slug, Section section, String headline,
        String standfirst, @Nullable LeadImage leadImage, Instant publishedAt, Instant updatedAt) {
}
