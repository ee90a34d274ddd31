package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/**
 * The front page of one language as the newsroom arranges it, every field as typed: numbered slots (1 leads),
 * each a story chosen from those live in the language (or none: that slot follows by time) and an optional
 * time until which it stays; and the language's breaking-news banner. {@code script} lets editors drag the places
 * into order instead (the form stays what is sent).
 */
public record FrontDeskPage(NewsroomChrome chrome, Language language, List<LanguageTab> languages, List<SlotRow> slots,
        List<Option> stories, BannerForm banner, @Nullable String bannerShown, Map<String, String> errors,
        @Nullable String notice, String previewUrl, String script) {

    public record LanguageTab(String code, String label, String url, boolean current) {
    }

    public record SlotRow(int position, String story, String until) {
    }

    public record Option(String value, String label) {
    }

    public record BannerForm(String text, String story, String expiresAt) {
    }
}
