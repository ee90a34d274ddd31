package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/**
 * One front of one language as the newsroom arranges it (the home page's, or the page of the section whose slug
 * is {@code section}), every field as typed: numbered slots (1 leads), each a story chosen from those live in the
 * language and, for a section's front, filed in the section (or none: that slot follows by time) and an optional
 * time until which it stays; and, beside the home page's, the language's breaking-news banner. {@code languages}
 * and {@code sections} lead to the same front in another language and to the language's other fronts.
 * {@code script} lets editors drag the places into order instead (the form stays what is sent).
 */
public record FrontDeskPage(NewsroomChrome chrome, Language language, @Nullable String section, List<Tab> languages,
        List<Tab> sections, List<SlotRow> slots, List<Option> stories, BannerForm banner, @Nullable String bannerShown,
        Map<String, String> errors, @Nullable String notice, String previewUrl, String script) {

    /** A link to another front; {@code lang} is the language of the label, when it differs from the newsroom's. */
    public record Tab(String label, @Nullable String lang, String url, boolean current) {
    }

    public record SlotRow(int position, String story, String until) {
    }

    public record Option(String value, String label) {
    }

    public record BannerForm(String text, String story, String expiresAt) {
    }
}
