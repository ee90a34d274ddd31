package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/** A version's history: every revision with author and time, and the diff between two chosen ones. */
public record RevisionsPage(NewsroomChrome chrome, long storyId, Language language, List<Row> revisions, int from,
        int to, @Nullable DiffView diff, int current, boolean mayRestore) {

    public record Row(int number, String headline, String savedBy, String savedAt) {
    }
}
