package org.masthead.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;

/** What the admin API answers. */
final class AdminResponses {

    private AdminResponses() {
    }

    /** A story as the newsroom sees it, drafts included, with the latest revision of each version. */
    record StoryResponse(long id, String status, String section, String sourceLanguage, List<String> authors,
            List<String> tags, @Nullable Long leadImageId, String createdBy, Instant createdAt,
            @Nullable Instant scheduledAt, @Nullable Instant firstPublishedAt, Map<String, VersionResponse> versions) {
    }

    /** The latest revision of a language version; {@code publishedRevision} is 0 while none is live. */
    record VersionResponse(int revision, int publishedRevision, String slug, String headline, String standfirst,
            String seoTitle, String seoDescription, LeadImage leadImage, List<Block> body, String savedBy,
            Instant savedAt) {
    }

    record LeadImage(String caption, String credit, String alt) {
    }

    /** A saved revision. */
    record SavedResponse(long storyId, String language, int revision) {
    }

    /** An uploaded image: its id for {@code leadImageId} and image blocks, and its texts per language. */
    record MediaResponse(long id, String originalName, int width, int height, Map<String, MediaTexts> texts) {
    }

    record MediaTexts(String caption, String credit, String alt) {
    }
}
