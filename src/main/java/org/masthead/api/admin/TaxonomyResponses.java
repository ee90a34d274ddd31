package org.masthead.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;

/** What the admin API answers about sections, tags, authors and static pages; texts are by language code. */
final class TaxonomyResponses {

    private TaxonomyResponses() {
    }

    record SectionResponse(long id, String slug, int position, Map<String, String> name, Map<String, String> description,
            Map<String, String> seoTitle, Map<String, String> seoDescription, boolean hidden, boolean archived,
            int stories, Map<String, String> urls) {
    }

    record TagResponse(long id, String slug, Map<String, String> name, Map<String, String> description, int stories,
            Map<String, String> urls) {
    }

    record AuthorResponse(long id, String slug, Map<String, String> name, Map<String, String> bio,
            Map<String, String> jobTitle, @Nullable Long photoMediaId, List<String> links, @Nullable Long accountId,
            int stories, Map<String, String> urls) {
    }

    record PageResponse(long id, int position, boolean inFooter, String purpose, Map<String, PageVersionResponse> versions,
            Instant createdAt, String createdBy) {
    }

    /** {@code url} is the page on the site while the version is live, else absent. */
    record PageVersionResponse(String slug, String title, String summary, String seoTitle, String seoDescription,
            List<Block> body, boolean live, @Nullable String url, Instant updatedAt, String updatedBy) {
    }
}
