package org.masthead.editorial;

import java.util.Set;
import org.masthead.content.StoryDetails;
import org.masthead.content.StoryStatus;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.Language;

/**
 * What one person may do with one story, decided by their roles, the story's status and whether
 * they opened it. The server checks these on every action; the pages use them to show only the
 * buttons that will work. Translators edit the versions in the other languages, never the source
 * the story was written in, unless another role of theirs allows it.
 */
public record Permissions(Language source, boolean editMetadata, boolean editSource, boolean editTranslations,
        boolean submit, boolean sendBack, boolean schedule, boolean publish, boolean unpublish, boolean backToDraft,
        boolean delete, boolean addNote) {

    private static final Set<StoryStatus> PUBLISHABLE = Set.of(StoryStatus.IN_REVIEW, StoryStatus.SCHEDULED,
            StoryStatus.PUBLISHED, StoryStatus.UNPUBLISHED);

    public static Permissions of(NewsroomUser user, StoryDetails story) {
        var status = story.status();
        boolean editor = user.has(Role.EDITOR);
        boolean ownDraft = user.has(Role.CONTRIBUTOR) && user.username().equals(story.createdBy())
                && status == StoryStatus.DRAFT;
        boolean ownInReview = user.has(Role.CONTRIBUTOR) && user.username().equals(story.createdBy())
                && status == StoryStatus.IN_REVIEW;
        return new Permissions(
                story.sourceLanguage(),
                editor || ownDraft,
                editor || ownDraft,
                editor || user.has(Role.TRANSLATOR) || ownDraft,
                status == StoryStatus.DRAFT && (editor || ownDraft),
                status == StoryStatus.IN_REVIEW && (editor || ownInReview),
                editor && (status == StoryStatus.IN_REVIEW || status == StoryStatus.SCHEDULED),
                editor && PUBLISHABLE.contains(status),
                editor && status == StoryStatus.PUBLISHED,
                editor && (status == StoryStatus.SCHEDULED || status == StoryStatus.UNPUBLISHED),
                editor && status != StoryStatus.PUBLISHED,
                editor && status == StoryStatus.PUBLISHED);
    }

    /** Whether the person may save {@code language}'s version of the story. */
    public boolean editVersion(Language language) {
        return language == source ? editSource : editTranslations;
    }

    /** Whether the person may save some version of the story. */
    public boolean editVersions() {
        return editSource || editTranslations;
    }

    /** Whether the person may open new stories at all. */
    public static boolean mayOpen(NewsroomUser user) {
        return user.has(Role.CONTRIBUTOR) || user.has(Role.EDITOR);
    }
}
