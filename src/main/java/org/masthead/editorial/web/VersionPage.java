package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/**
 * The version editor. {@code errors} maps field names to messages shown next to those fields;
 * {@code candidates} holds, per block index, the stories a read-also search found; {@code conflict}
 * is set when someone else saved since this form was loaded.
 */
public record VersionPage(NewsroomChrome chrome, long storyId, Language language, String storyTitle,
        VersionForm form, Map<String, String> errors, List<String> blockTypes, List<MediaChoice> media,
        Map<Integer, List<Candidate>> candidates, @Nullable Conflict conflict, boolean saved, boolean canEdit,
        String action) {

    public record MediaChoice(long id, String label) {
    }

    public record Candidate(long id, String headline, String status) {
    }

    /** What the other person saved, and how it differs from the text on this form. */
    public record Conflict(int theirRevision, String theirAuthor, String theirTime, String theirText, DiffView diff) {
    }

    public @Nullable String error(String field) {
        return errors.get(field);
    }
}
