package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.editorial.Permissions;
import org.masthead.identity.NewsroomChrome;

/**
 * One story in the newsroom: status and the actions the person may take, metadata form (with errors
 * by field; {@code tags} the story's tags, {@code tagNames} existing names offered while typing a new one),
 * its language versions, notes, and why it cannot be published yet.
 */
public record StoryOverviewPage(NewsroomChrome chrome, long id, String status, String statusLabel,
        @Nullable String scheduledAt, String createdBy, Permissions may, Metadata metadata, List<Option> sections,
        List<Option> authors, List<Option> tags, List<String> tagNames, boolean mayCreateTags, List<Option> images,
        List<Version> versions, List<String> problems,
        Map<String, String> errors, List<Note> notes, @Nullable String scheduleValue, @Nullable String notice) {

    /** The metadata form as typed: {@code tags} are the ids kept, {@code newTags} names typed, comma-separated. */
    public record Metadata(String section, List<String> authors, List<String> tags, String newTags, String leadImage) {
    }

    public record Option(String value, String label) {
    }

    /**
     * {@code behindSource}: a translation with blocks that need an update since its source changed;
     * {@code changedSinceApproval}: saved again after the revision an editor approved last.
     */
    public record Version(String code, String name, int revision, @Nullable Integer published, String headline,
            boolean behindSource, boolean changedSinceApproval) {
    }

    public record Note(String language, String kind, String text, String at) {
    }
}
