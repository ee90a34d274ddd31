package org.masthead.editorial;

import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may run a live blog: editors make a story one and open, pause or end it, and correct or withdraw entries;
 * reporters (contributors) and editors post entries. Each entry is its own row, so people post at once without
 * conflicts. Translators and editors translate entries into the languages they were not written in, as they do a
 * story's versions ({@link Permissions#editTranslations}). State changes, corrections, withdrawals and translations
 * are audited; posts are in the live blog itself.
 */
@Service
public class LiveDesk {

    private final LiveBlogs blogs;
    private final Stories stories;
    private final AuditLog audit;

    LiveDesk(LiveBlogs blogs, Stories stories, AuditLog audit) {
        this.blogs = blogs;
        this.stories = stories;
        this.audit = audit;
    }

    public static boolean mayPost(NewsroomUser user) {
        return user.has(Role.CONTRIBUTOR) || user.has(Role.EDITOR);
    }

    public static boolean mayRun(NewsroomUser user) {
        return user.has(Role.EDITOR);
    }

    @Transactional
    public LiveBlog setState(NewsroomUser user, long storyId, LiveBlog.State state, boolean showUntranslated) {
        if (!mayRun(user)) {
            throw new NotAllowed("live.state");
        }
        stories.details(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        var blog = blogs.setState(storyId, state, showUntranslated);
        audit.record(user.username(), "live.state", "story:" + storyId, state.key()
                + (showUntranslated ? "" : ", untranslated entries hidden"));
        return blog;
    }

    @Transactional
    public LiveEntry.Changed post(NewsroomUser user, long storyId, LiveEntry.Draft draft) {
        if (!mayPost(user)) {
            throw new NotAllowed("live.post");
        }
        return blogs.post(storyId, draft, user.username());
    }

    @Transactional
    public LiveEntry.Changed correct(NewsroomUser user, long storyId, long entryId, LiveEntry.Draft draft) {
        if (!mayRun(user)) {
            throw new NotAllowed("live.correct");
        }
        var changed = blogs.correct(storyId, entryId, draft);
        audit.record(user.username(), "live.correct", "story:" + storyId, "entry " + entryId);
        return changed;
    }

    /** Saves an entry's translation; the content rules refuse the entry's own language and a withdrawn entry. */
    @Transactional
    public LiveEntry.Changed translate(NewsroomUser user, long storyId, long entryId, LiveEntry.TranslationDraft draft) {
        var story = stories.details(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        if (!Permissions.of(user, story).editTranslations()) {
            throw new NotAllowed("live.translate");
        }
        var changed = blogs.translate(storyId, entryId, draft, user.username());
        audit.record(user.username(), "live.translate", "story:" + storyId, "entry " + entryId + " → "
                + draft.language().code());
        return changed;
    }

    @Transactional
    public LiveEntry.Changed withdraw(NewsroomUser user, long storyId, long entryId) {
        if (!mayRun(user)) {
            throw new NotAllowed("live.withdraw");
        }
        var changed = blogs.withdraw(storyId, entryId);
        audit.record(user.username(), "live.withdraw", "story:" + storyId, "entry " + entryId);
        return changed;
    }
}
