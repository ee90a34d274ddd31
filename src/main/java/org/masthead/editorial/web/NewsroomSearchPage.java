package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.web.Pagination;
import org.masthead.search.Highlighted;

/**
 * The newsroom search: the form as filled in, what was found, the same search in the other languages and,
 * when nothing was found, how to search. {@code notice} says that an overlong query was cut.
 */
public record NewsroomSearchPage(NewsroomChrome chrome, Form form, List<DeskPage.Option> languages,
        List<DeskPage.Option> statuses, List<DeskPage.Option> sorts, String summary, @Nullable String notice,
        boolean tips, List<Link> otherLanguages, List<Result> results, Pagination pagination) {

    /** The values of the form's fields; an empty status is any. */
    public record Form(String q, String language, String status, String sort) {
    }

    public record Link(String url, String text) {
    }

    /**
     * One version found: {@code live} when readers see this very text; {@code date} (ISO) and {@code shownDate}
     * are its publication when live, otherwise its last save. {@code editUrl} is null for those who may not edit.
     */
    public record Result(String url, Highlighted headline, Highlighted snippet, String languageLabel,
            String languageName, String statusLabel, boolean live, String date, String shownDate, String previewUrl,
            @Nullable String editUrl) {
    }
}
