package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;

/** Bodies the admin API accepts. Taxonomy is named by slug, as in the public URLs; images by media id. */
final class AdminRequests {

    static final String SLUG = "[a-z0-9-]{1,80}";
    static final int MAX_HEADLINE = 300;
    static final int MAX_SHORT = 1000;

    /** The example of a save in the OpenAPI document: one block of every type. */
    static final String SAVE_EXAMPLE = """
            {"basedOnRevision": 0, "headline": "Talks resume in Istanbul", "standfirst": "Both delegations arrived overnight.",
             "seoTitle": "", "seoDescription": "",
             "leadImage": {"caption": "The delegations at the table", "credit": "Photo: Masthead", "alt": "Two rows of chairs"},
             "body": [
              {"type": "paragraph", "id": "p1", "text": "The talks resumed on Tuesday morning."},
              {"type": "subheading", "id": "h1", "text": "What is on the table"},
              {"type": "quote", "id": "q1", "text": "We came to listen.", "speaker": "Iryna Koval", "role": "Deputy minister"},
              {"type": "image", "id": "i1", "mediaId": 7, "caption": "The venue", "credit": "Photo: Masthead", "alt": "A palace"},
              {"type": "list", "id": "l1", "ordered": false, "items": ["Prisoner exchange", "Grain corridor"]},
              {"type": "readAlso", "id": "r1", "storyId": 41},
              {"type": "embed", "id": "e1", "url": "https://example.org/statement", "title": "The joint statement"}
             ]}""";

    private AdminRequests() {
    }

    /**
     * The multipart form of an image upload, as the OpenAPI document describes it: the file and, for each
     * language, its caption, credit and alt text ({@code en.caption}, {@code uk.alt}, …), all optional.
     */
    record UploadForm(
            @Schema(type = "string", format = "binary", description = "A JPEG, PNG or WebP image.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(name = "uk.caption") @Nullable String ukCaption,
            @Schema(name = "uk.credit") @Nullable String ukCredit,
            @Schema(name = "uk.alt") @Nullable String ukAlt,
            @Schema(name = "en.caption", example = "The delegations at the table") @Nullable String enCaption,
            @Schema(name = "en.credit", example = "Photo: Masthead") @Nullable String enCredit,
            @Schema(name = "en.alt", example = "Two rows of chairs") @Nullable String enAlt,
            @Schema(name = "ru.caption") @Nullable String ruCaption,
            @Schema(name = "ru.credit") @Nullable String ruCredit,
            @Schema(name = "ru.alt") @Nullable String ruAlt) {
    }

    /** A new story: its section, authors, tags, lead image and the language it is first written in. */
    record CreateStoryRequest(
            @NotBlank @Pattern(regexp = SLUG) String section,
            @NotBlank @Pattern(regexp = "uk|en|ru", message = "must be uk, en or ru") String sourceLanguage,
            @Nullable @Size(max = 20) List<@Pattern(regexp = SLUG) String> authors,
            @Nullable @Size(max = 30) List<@Pattern(regexp = SLUG) String> tags,
            @Nullable Long leadImageId) {
    }

    /**
     * A new revision of one language version. The body's texts take marks ({@code {"text": "...", "marks":
     * [...]}}) or a plain string; the content rules check it all and name each bad field. {@code basedOnRevision} is the revision the writer
     * started from (0 for a version not yet written); an older one is refused with 409.
     */
    record SaveVersionRequest(
            @NotNull @PositiveOrZero Integer basedOnRevision,
            @NotBlank @Size(max = MAX_HEADLINE) String headline,
            @Nullable @Size(max = MAX_SHORT) String standfirst,
            @Nullable @Size(max = MAX_HEADLINE) String seoTitle,
            @Nullable @Size(max = MAX_SHORT) String seoDescription,
            @Nullable @Valid LeadImageText leadImage,
            @NotNull List<@NotNull Block> body) {
    }

    /** The caption, credit and alt text of the lead image in this version's language. */
    record LeadImageText(@Nullable @Size(max = MAX_SHORT) String caption, @Nullable @Size(max = MAX_SHORT) String credit,
            @Nullable @Size(max = MAX_SHORT) String alt) {
    }

    /**
     * A status change: submit, publish, unpublish, or schedule with {@code at}. {@code revisions}, for publish
     * and schedule, names the revision of each version the client read (language to revision, as
     * {@code getAdminStory} gives them): the action then approves exactly those, and is refused with 409 if
     * any version was saved since or another was written.
     */
    record StatusRequest(
            @NotBlank @Pattern(regexp = "submit|publish|unpublish|schedule",
                    message = "must be submit, publish, unpublish or schedule") String action,
            @Nullable OffsetDateTime at,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The revision of each version the client read, "
                    + "by language; publish and schedule approve exactly these or answer 409.")
            @Nullable Map<String, Integer> revisions) {
    }
}
