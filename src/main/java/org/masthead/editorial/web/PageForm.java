package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InvalidContent;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.PageVersion;
import org.masthead.platform.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * One language of a static page as the editor holds it, every field as typed, with the body's blocks as the
 * story editor holds them; a new page also chooses its place in the footer and its purpose.
 */
public record PageForm(String slug, String title, String summary, String seoTitle, String seoDescription,
        List<BlockForm> blocks, boolean live, boolean inFooter, String purpose) {

    static PageForm blank() {
        return new PageForm("", "", "", "", "", List.of(BlockForm.empty("paragraph")), true, true, "");
    }

    static PageForm of(PageVersion version) {
        return new PageForm(version.slug(), version.title(), version.summary(), version.seoTitle(),
                version.seoDescription(), version.body().stream().map(BlockForm::of).toList(), version.live(), true, "");
    }

    static PageForm parse(Map<String, String[]> params) {
        return new PageForm(Forms.text(params, "slug"), Forms.text(params, "title"), Forms.text(params, "summary"),
                Forms.text(params, "seoTitle"), Forms.text(params, "seoDescription"), BlockForm.parseAll(params),
                Forms.checked(params, "live"), Forms.checked(params, "inFooter"), Forms.text(params, "purpose"));
    }

    PageForm withBlocks(List<BlockForm> newBlocks) {
        return new PageForm(slug, title, summary, seoTitle, seoDescription, List.copyOf(newBlocks), live, inFooter,
                purpose);
    }

    /**
     * The draft this form asks for, its body's texts read from the toolbar's JSON or else from the markup;
     * throws {@link InvalidContent} for what cannot be read. What it may hold is checked by {@code Pages}.
     */
    PageDraft draft(Language language, JsonMapper json) {
        return new PageDraft(language, slug, title, summary, seoTitle, seoDescription, BlockForm.readAll(blocks, json),
                live);
    }

    /** The form as the page shows it, each block with marks also as the JSON the toolbar editor starts from. */
    PageForm forEditor(JsonMapper json) {
        return withBlocks(BlockForm.forEditor(blocks, json));
    }

    /** The form field that shows a problem of a refused save (see {@link VersionForm#fieldOf}). */
    static @Nullable String fieldOf(String problemField) {
        return switch (problemField) {
            case "slug", "title", "summary", "seoTitle", "seoDescription" -> problemField;
            default -> BlockForm.fieldOf(problemField);
        };
    }

    PageSettings settings() {
        return new PageSettings(inFooter, PagePurpose.fromKey(purpose).orElse(PagePurpose.NONE));
    }
}
