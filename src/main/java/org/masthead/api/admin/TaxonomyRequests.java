package org.masthead.api.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.ContentRules;
import org.masthead.platform.Localized;

/**
 * Bodies the admin API accepts for sections, tags, authors and static pages. A PUT replaces every field
 * it carries; an empty {@code slug} keeps the current one (or, on creation, is made from a name).
 */
final class TaxonomyRequests {

    static final String SLUG_OR_EMPTY = "|[a-z0-9]+(-[a-z0-9]+)*";

    private TaxonomyRequests() {
    }

    /** A text in each language; a language left out is empty. */
    record Texts(@Nullable @Size(max = 4000) String uk, @Nullable @Size(max = 4000) String en,
            @Nullable @Size(max = 4000) String ru) {

        Localized localized() {
            return new Localized(uk == null ? "" : uk, en == null ? "" : en, ru == null ? "" : ru);
        }

        static Localized of(@Nullable Texts texts) {
            return texts == null ? Localized.EMPTY : texts.localized();
        }
    }

    /** {@code position} (1 is first) moves the section in the navigation; left out, it stays where it is (or goes last). */
    record SectionRequest(@Nullable @Size(max = 80) String slug, @NotNull @Valid Texts name, @Nullable @Valid Texts description,
            @Nullable @Valid Texts seoTitle, @Nullable @Valid Texts seoDescription, @Nullable Boolean hidden,
            @Nullable Boolean archived, @Nullable @Positive Integer position) {
    }

    record TagRequest(@Nullable @Size(max = 80) String slug, @NotNull @Valid Texts name,
            @Nullable @Valid Texts description) {
    }

    /** The tag that stays: its id, or its slug. */
    record MergeRequest(@Nullable Long intoId, @Nullable @Size(max = 80) String intoSlug) {
    }

    record AuthorRequest(@Nullable @Size(max = 80) String slug, @NotNull @Valid Texts name, @Nullable @Valid Texts bio,
            @Nullable @Valid Texts jobTitle, @Nullable Long photoMediaId,
            @Nullable @Size(max = 10) List<@NotNull @Size(max = 500) String> links, @Nullable Long accountId) {
    }

    /**
     * A static page: its place in the footer, its purpose in structured data ({@code publishing-principles},
     * {@code corrections-policy}… or empty) and its versions by language code.
     */
    record PageRequest(@Nullable Boolean inFooter, @Nullable @Pattern(regexp = "[a-z-]{0,40}") String purpose,
            @Nullable @Positive Integer position, @Nullable Map<String, @Valid PageVersionRequest> versions) {
    }

    /** One language of a page; {@code live} shows it to readers. The body has the blocks of a story. */
    record PageVersionRequest(@Nullable @Size(max = 80) String slug, @NotNull @Size(min = 1, max = 300) String title,
            @Nullable @Size(max = 1000) String summary, @Nullable @Size(max = 300) String seoTitle,
            @Nullable @Size(max = 1000) String seoDescription,
            @NotNull @Size(max = ContentRules.MAX_BLOCKS) List<@NotNull Block> body, @Nullable Boolean live) {
    }
}
