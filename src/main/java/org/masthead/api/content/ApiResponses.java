package org.masthead.api.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the content API. Field names are part of the API's contract: change them only in a new version. */
final class ApiResponses {

    private ApiResponses() {
    }

    /** One page of a listing; {@code next} is absent on the last page. */
    record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String next) {
    }

    /** {@code inNavigation}: false for a section kept out of the site's navigation (hidden or archived). */
    record SectionResponse(long id, String slug, Map<String, String> name, Map<String, String> description,
            boolean inNavigation, Map<String, String> urls) {
    }

    record TagResponse(long id, String slug, Map<String, String> name, Map<String, String> description,
            Map<String, String> urls) {
    }

    /** {@code links}: the author's profiles elsewhere. */
    record AuthorResponse(long id, String slug, Map<String, String> name, Map<String, String> bio,
            Map<String, String> jobTitle, List<String> links, Map<String, String> urls) {
    }

    /** A section, tag or author as a story names it, in the story's language. */
    record Reference(long id, String slug, String name, String url) {
    }

    record ImageResponse(long id, String url, int width, int height, String caption, String credit, String alt) {
    }

    /** A version in a listing: enough to show a teaser and to fetch the whole story from {@code api}. */
    record StorySummary(long id, String language, String url, String api, String headline, String standfirst,
            Reference section, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ImageResponse leadImage,
            Instant publishedAt, Instant updatedAt) {
    }

    /** One language version of a story with its body; {@code translations} name the other live versions. */
    record StoryResponse(long id, String language, String url, String headline, String standfirst,
            Reference section, List<Reference> authors, List<Reference> tags,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ImageResponse leadImage, Instant firstPublishedAt,
            Instant publishedAt, Instant updatedAt, List<BlockResponse> body, Map<String, String> translations) {
    }

    /** A body block as structured data; texts are plain text, never HTML. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = BlockResponse.Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = BlockResponse.Subheading.class, name = "subheading"),
            @JsonSubTypes.Type(value = BlockResponse.Quote.class, name = "quote"),
            @JsonSubTypes.Type(value = BlockResponse.Image.class, name = "image"),
            @JsonSubTypes.Type(value = BlockResponse.ItemList.class, name = "list"),
            @JsonSubTypes.Type(value = BlockResponse.ReadAlso.class, name = "readAlso"),
            @JsonSubTypes.Type(value = BlockResponse.Embed.class, name = "embed")
    })
    sealed interface BlockResponse {

        record Paragraph(String id, String text) implements BlockResponse {
        }

        record Subheading(String id, String text) implements BlockResponse {
        }

        record Quote(String id, String text, String speaker, String role) implements BlockResponse {
        }

        record Image(String id, ImageResponse image) implements BlockResponse {
        }

        record ItemList(String id, boolean ordered, List<String> items) implements BlockResponse {
        }

        record ReadAlso(String id, long storyId, String headline, String url, String api) implements BlockResponse {
        }

        record Embed(String id, String url, @Nullable String title) implements BlockResponse {
        }
    }

    /** A page of search results, best match first; {@code next} is absent on the last page. */
    record SearchResponse(String query, String language, long total, int page, int pageSize, List<SearchHit> items,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String next) {
    }

    /** A matching published version; {@code snippet} is plain text around the words found. */
    record SearchHit(long id, String language, String url, String api, String headline, String snippet, Instant date) {
    }
}
