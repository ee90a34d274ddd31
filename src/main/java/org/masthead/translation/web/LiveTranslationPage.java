package org.masthead.translation.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/**
 * A live blog's entries on the translation desk, newest first: each entry as written beside its translation into
 * every other language, with where that stands (missing, up to date, stale: with what changed in the entry since)
 * and a form to write it. {@code errors} and a refused form's text are keyed by the form's id.
 */
public record LiveTranslationPage(NewsroomChrome chrome, long storyId, String headline, List<Row> rows,
        @Nullable String olderUrl, Map<String, String> errors, @Nullable String notice) {

    public record Row(long id, String posted, String language, String author, boolean withdrawn, String headline,
            String body, List<Target> targets) {
    }

    /**
     * The entry in one other language; {@code form} is the id of its form, {@code changes} what changed in the
     * entry's headline and text since the translation was made (stale only).
     */
    public record Target(String form, String code, String label, String state, String stateLabel, String headline,
            String body, List<EditorPage.Change> changes, boolean open) {
    }
}
