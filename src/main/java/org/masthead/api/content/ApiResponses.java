package org.masthead.api.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the content API. Field names are part of the API's contract: change them only in a new version. */
final class ApiResponses {

    private ApiResponses() {
    }

    /** One page of the story listing; {@code nextCursor} and {@code next} are absent on the last page. */
    record StoryList(List<StorySummary> items, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor,
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

    /**
     * A text of a body block: {@code text} is the plain text (a line break is {@code \n}), {@code marks} its
     * inline marks over UTF-16 ranges {@code [start, end)} of it, {@code html} the same as escaped HTML that
     * uses only strong, em, sup, sub, br and a, ready to place inside the block's element.
     */
    @Schema(description = "A text with inline marks, and the same as HTML.")
    record RichTextResponse(String text, List<MarkResponse> marks, String html) {
    }

    /** One inline mark; {@code type} says which. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = MarkResponse.Bold.class, name = "bold"),
            @JsonSubTypes.Type(value = MarkResponse.Italic.class, name = "italic"),
            @JsonSubTypes.Type(value = MarkResponse.Superscript.class, name = "superscript"),
            @JsonSubTypes.Type(value = MarkResponse.Subscript.class, name = "subscript"),
            @JsonSubTypes.Type(value = MarkResponse.Link.class, name = "link"),
            @JsonSubTypes.Type(value = MarkResponse.StoryLink.class, name = "storyLink")
    })
    @Schema(description = "An inline mark over the UTF-16 code units [start, end) of its text.")
    sealed interface MarkResponse {

        @Schema(description = "Bold (strong importance).")
        record Bold(int start, int end) implements MarkResponse {
        }

        @Schema(description = "Italic (emphasis, titles of works).")
        record Italic(int start, int end) implements MarkResponse {
        }

        record Superscript(int start, int end) implements MarkResponse {
        }

        record Subscript(int start, int end) implements MarkResponse {
        }

        @Schema(description = "A link to an outside address (http, https, mailto or tel); "
                + "rel lists any of nofollow, sponsored, ugc.")
        record Link(int start, int end, String href, List<String> rel) implements MarkResponse {
        }

        @Schema(description = "A link to another story. url and api are its current "
                + "addresses in this language, or in another one named by hreflang; all three are absent while "
                + "that story is not published (the text is then plain).")
        record StoryLink(int start, int end, long storyId,
                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String url,
                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String api,
                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String hreflang) implements MarkResponse {
        }
    }

    /** A body block as structured data; texts with marks as {@link RichTextResponse}, never as HTML alone. */
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

        record Paragraph(String id, RichTextResponse text) implements BlockResponse {
        }

        record Subheading(String id, RichTextResponse text) implements BlockResponse {
        }

        record Quote(String id, RichTextResponse text, String speaker, String role) implements BlockResponse {
        }

        /** {@code image.caption} is the caption's plain text; {@code caption} has its marks. */
        record Image(String id, ImageResponse image, RichTextResponse caption) implements BlockResponse {
        }

        record ItemList(String id, boolean ordered, List<RichTextResponse> items) implements BlockResponse {
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
