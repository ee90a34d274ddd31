package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/**
 * The editor of one language of a static page ({@code pageId} 0 for a new page, which also chooses its footer
 * place and purpose); the body is edited with the blocks of a story. {@code url} is the live page on the site.
 */
public record PageEditorPage(NewsroomChrome chrome, long pageId, Language language, PageForm form,
        Map<String, String> errors, List<String> blockTypes, List<VersionPage.MediaChoice> media,
        Map<Integer, List<VersionPage.Candidate>> candidates, List<PurposeChoice> purposes, String action,
        @Nullable String url, boolean saved) {

    public record PurposeChoice(String key, String label) {
    }
}
