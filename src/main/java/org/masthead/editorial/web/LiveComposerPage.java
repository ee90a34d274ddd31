package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/**
 * A live blog in the newsroom: its state, the composer (every field as typed when refused) and the newest
 * entries, each with its correction form for those who may correct.
 */
public record LiveComposerPage(NewsroomChrome chrome, long storyId, String headline, @Nullable String state,
        boolean showUntranslated, boolean mayRun, boolean mayPost, Form form, List<Row> entries,
        List<Choice> languages, Map<String, String> errors, @Nullable String notice, @Nullable String readerUrl) {

    public record Form(String language, String author, String headline, String body, boolean keyEvent) {
    }

    public record Row(long id, String posted, String language, String author, String headline, String body,
            boolean keyEvent, boolean withdrawn, @Nullable String corrected) {
    }

    public record Choice(String value, String label) {
    }
}
