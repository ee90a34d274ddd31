package org.masthead.translation.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.site.InlineHtml;

/**
 * A live blog's entries on the translation desk, newest first: each entry as written (every text of its headline
 * and blocks) beside its translation into every other language, with where that stands (missing, up to date, stale:
 * with what changed in the entry since) and a form to write it. {@code errors} are keyed by the form's id and the
 * item's ({@code <form>-<item>}), or {@code language}; a refused form shows what was typed in it. {@code exchanges}
 * are the live blog's translations as XLIFF files, which carry its entries written in {@code sourceLanguage}.
 */
public record LiveTranslationPage(NewsroomChrome chrome, long storyId, String headline, List<Row> rows,
        @Nullable String olderUrl, Map<String, String> errors, @Nullable String notice, String sourceLanguage,
        List<Exchange> exchanges) {

    /** A translation of the live blog's story: {@code action} is its page on the desk, where a file is imported. */
    public record Exchange(String label, String action) {
    }

    public record Row(long id, String posted, String language, String author, boolean withdrawn, List<Text> texts,
            List<Target> targets) {
    }

    /** One text of the entry as written, with what it is (headline, paragraph, caption, alt text...). */
    public record Text(String label, InlineHtml html) {
    }

    /**
     * The entry in one other language; {@code form} is the id of its form, {@code items} the entry's headline and
     * blocks that have text, each with an input per text, {@code changes} what changed in the entry's texts since the
     * translation was made (stale only).
     */
    public record Target(String form, String code, String label, String state, String stateLabel, List<Item> items,
            List<EditorPage.Change> changes, boolean open) {
    }

    public record Item(String id, List<EditorPage.Field> fields) {
    }
}
