package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.PageVersion;
import org.masthead.platform.Language;

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

    /** The draft of a form whose body {@link BodyEditor#check} found nothing wrong with. */
    PageDraft draft(Language language) {
        return new PageDraft(language, slug, title, summary, seoTitle, seoDescription, BlockForm.toBlocks(blocks), live);
    }

    PageSettings settings() {
        return new PageSettings(inFooter, PagePurpose.fromKey(purpose).orElse(PagePurpose.NONE));
    }
}
