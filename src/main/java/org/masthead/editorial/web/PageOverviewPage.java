package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** One static page: its languages (to write or edit), where it shows (footer, purpose), and its deletion. */
public record PageOverviewPage(NewsroomChrome chrome, long id, List<PagesPage.Version> versions, boolean inFooter,
        String purpose, List<PageEditorPage.PurposeChoice> purposes, Map<String, String> errors,
        @Nullable String notice) {
}
