package org.masthead.content;

import java.time.Instant;
import java.util.List;
import org.masthead.platform.Language;

/** One saved revision of a language version, as the newsroom and the translation desk see it. */
public record VersionView(long storyId, Language language, int revision, String slug, String headline,
        String standfirst, String seoTitle, String seoDescription, String leadImageCaption, String leadImageCredit,
        String leadImageAlt, List<Block> body, String savedBy, Instant savedAt) {
}
