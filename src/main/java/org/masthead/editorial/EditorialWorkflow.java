package org.masthead.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InvalidContent;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.StoryDetails;
import org.masthead.content.StoryMetadata;
import org.masthead.content.StoryNotFound;
import org.masthead.content.StoryNote;
import org.masthead.content.StoryStatus;
import org.masthead.content.VersionView;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every newsroom change to a story goes through here: the role and state checks are made on the
 * server for each action, whatever the page offered, and each transition is written to the audit log
 * in the same transaction as the change.
 */
@Service
public class EditorialWorkflow {

    /** Bounds a correction note; readers see it under the story. */
    static final int MAX_NOTE = 2000;

    private final Stories stories;
    private final MediaLibrary media;
    private final TaxonomyDesk taxonomy;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    EditorialWorkflow(Stories stories, MediaLibrary media, TaxonomyDesk taxonomy, AuditLog audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.stories = stories;
        this.media = media;
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Transactional(readOnly = true)
    public Permissions permissions(NewsroomUser user, long storyId) {
        return Permissions.of(user, story(storyId));
    }

    /** Opens a draft owned by {@code user}; contributors and editors only. */
    @Transactional
    public long open(NewsroomUser user, StoryMetadata metadata, Language sourceLanguage) {
        return open(user, metadata, sourceLanguage, List.of());
    }

    /**
     * Opens a draft with tags typed as names besides those chosen: each is an existing tag or, where the
     * person may create tags, a new one (see {@link TaxonomyDesk#tagsTyped}), all in one transaction.
     */
    @Transactional
    public long open(NewsroomUser user, StoryMetadata metadata, Language sourceLanguage, List<String> typedTags) {
        if (!Permissions.mayOpen(user)) {
            throw new WorkflowRefused("open", 0);
        }
        metadata = withTyped(user, metadata, typedTags);
        long id = stories.create(new NewStory(metadata.sectionId(), sourceLanguage, metadata.authorIds(),
                metadata.tagIds(), metadata.leadImageId()), user.username());
        audit.record(user.username(), "story.create", "story " + id, "");
        return id;
    }

    /** Files the story elsewhere or gives it another lead image; the change is announced and audited. */
    @Transactional
    public void updateMetadata(NewsroomUser user, long storyId, StoryMetadata metadata) {
        updateMetadata(user, storyId, metadata, List.of());
    }

    /** The same, with tags typed as names besides those chosen (see {@link #open(NewsroomUser, StoryMetadata, Language, List)}). */
    @Transactional
    public void updateMetadata(NewsroomUser user, long storyId, StoryMetadata metadata, List<String> typedTags) {
        var before = story(storyId);
        require(Permissions.of(user, before).editMetadata(), "metadata", storyId);
        metadata = withTyped(user, metadata, typedTags);
        stories.updateMetadata(storyId, metadata);
        var after = story(storyId);
        var changes = new TaxonomyDesk.Changes();
        changes.add("section", Long.toString(before.sectionId()), Long.toString(after.sectionId()));
        changes.add("authors", before.authorIds().toString(), after.authorIds().toString());
        changes.add("tags", before.tagIds().toString(), after.tagIds().toString());
        changes.add("lead image", String.valueOf(before.leadImageId()), String.valueOf(after.leadImageId()));
        audit.record(user.username(), "story.metadata", "story " + storyId, changes.toString());
    }

    /**
     * Saves a version as a new revision. The author of the revision is always the signed-in person,
     * whatever the form said; a stale save is refused with {@link org.masthead.content.EditConflict}.
     * A save to a scheduled story does not change what goes live at its time, which is what an editor
     * approved, unless the person saving is an editor: then the new revision is approved by that save.
     */
    @Transactional
    public int save(NewsroomUser user, SaveVersion save) {
        var story = story(save.storyId());
        require(Permissions.of(user, story).editVersion(save.language()), "save", save.storyId());
        requireImages(save.body());
        int revision = stories.save(by(user, save));
        afterEdit(user, story, save.language(), revision);
        return revision;
    }

    /**
     * Saves a translation that may still have texts to write; the same rules hold otherwise. Its images
     * are the source's, so they are not looked up again.
     */
    @Transactional
    public int saveTranslation(NewsroomUser user, SaveVersion save) {
        var story = story(save.storyId());
        require(Permissions.of(user, story).editVersion(save.language()), "save", save.storyId());
        int revision = stories.savePartial(by(user, save));
        afterEdit(user, story, save.language(), revision);
        return revision;
    }

    /**
     * Saves a translation that came in a file (an XLIFF import) like {@link #saveTranslation}, whoever the
     * file says translated it, with a {@code translation.import} line in the audit log ({@code detail}: what
     * the file changed).
     */
    @Transactional
    public int importTranslation(NewsroomUser user, SaveVersion save, String detail) {
        int revision = saveTranslation(user, save);
        audit.record(user.username(), "translation.import", subject(save.storyId(), save.language()),
                "revision " + revision + (detail.isBlank() ? "" : "; " + detail));
        return revision;
    }

    private static SaveVersion by(NewsroomUser user, SaveVersion save) {
        return new SaveVersion(save.storyId(), save.language(), save.basedOnRevision(), save.headline(),
                save.standfirst(), save.seoTitle(), save.seoDescription(), save.leadImageCaption(),
                save.leadImageCredit(), save.leadImageAlt(), save.body(), user.username());
    }

    /** The images a body places must be in the media library: the content rules cannot see it. */
    private void requireImages(List<Block> body) {
        var problems = new ArrayList<InvalidContent.Problem>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof Block.Image image && media.find(image.mediaId()).isEmpty()) {
                problems.add(new InvalidContent.Problem("body[" + i + "].mediaId", "content.error.media",
                        List.of(Long.toString(image.mediaId()))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContent(problems);
        }
    }

    /** An edit after scheduling needs an editor's approval: an editor's own edit is approved, another's waits. */
    private void afterEdit(NewsroomUser user, StoryDetails story, Language language, int revision) {
        if (story.status() != StoryStatus.SCHEDULED) {
            return;
        }
        if (user.has(Role.EDITOR)) {
            stories.approve(story.id(), language);
        } else {
            audit.record(user.username(), "story.edit-after-approval", subject(story.id(), language),
                    "revision " + revision + " waits for approval");
        }
    }

    /**
     * The versions whose latest revision is not the one an editor approved for the schedule: edits made
     * after approval, which go live only when an editor approves them (by scheduling or publishing again).
     */
    @Transactional(readOnly = true)
    public Set<Language> awaitingApproval(long storyId) {
        var story = story(storyId);
        if (story.status() != StoryStatus.SCHEDULED) {
            return Set.of();
        }
        var approved = stories.approvedRevisions(storyId);
        var waiting = EnumSet.noneOf(Language.class);
        story.revisions().forEach((language, latest) -> {
            if (!latest.equals(approved.get(language))) {
                waiting.add(language);
            }
        });
        return waiting;
    }

    /** Restores an old revision as a new one; history is never rewritten. */
    @Transactional
    public int restore(NewsroomUser user, long storyId, Language language, int number, int basedOnRevision) {
        var story = story(storyId);
        require(Permissions.of(user, story).editVersion(language), "restore", storyId);
        var old = stories.revision(storyId, language, number).orElseThrow(() -> new StoryNotFound(storyId));
        int revision = stories.savePartial(new SaveVersion(storyId, language, basedOnRevision, old.headline(), old.standfirst(),
                old.seoTitle(), old.seoDescription(), old.leadImageCaption(), old.leadImageCredit(), old.leadImageAlt(),
                old.body(), user.username()));
        afterEdit(user, story, language, revision);
        audit.record(user.username(), "story.restore", subject(storyId, language), "revision " + number + " -> " + revision);
        return revision;
    }

    @Transactional
    public void submit(NewsroomUser user, long storyId) {
        require(Permissions.of(user, story(storyId)).submit(), "submit", storyId);
        stories.moveTo(storyId, StoryStatus.IN_REVIEW, null);
        audit.record(user.username(), "story.submit", "story " + storyId, "");
    }

    @Transactional
    public void sendBack(NewsroomUser user, long storyId) {
        require(Permissions.of(user, story(storyId)).sendBack(), "send-back", storyId);
        stories.moveTo(storyId, StoryStatus.DRAFT, null);
        audit.record(user.username(), "story.send-back", "story " + storyId, "");
    }

    @Transactional
    public void schedule(NewsroomUser user, long storyId, Instant at) {
        schedule(user, storyId, at, null);
    }

    /**
     * Schedules the story; scheduling is the editor's approval of what the versions say. With {@code seen}
     * (language to the revision the editor's page showed), what is approved is exactly that, and a version
     * saved or written since refuses the whole action with {@link org.masthead.content.ApprovalOutdated};
     * without it, whatever the versions say now.
     */
    @Transactional
    public void schedule(NewsroomUser user, long storyId, Instant at, @Nullable Map<Language, Integer> seen) {
        var story = story(storyId);
        require(Permissions.of(user, story).schedule(), "schedule", storyId);
        requirePublishable(story);
        stories.moveTo(storyId, StoryStatus.SCHEDULED, at);
        // scheduling is the editor's approval: these revisions, and no later ones, go live at that time
        if (seen == null) {
            stories.approve(storyId);
        } else {
            stories.approve(storyId, seen);
        }
        audit.record(user.username(), "story.schedule", "story " + storyId, at.toString() + revisions(seen));
    }

    @Transactional
    public void publish(NewsroomUser user, long storyId) {
        publish(user, storyId, null);
    }

    /** Publishes the story, approving the revisions seen (see {@link #schedule(NewsroomUser, long, Instant, Map)}). */
    @Transactional
    public void publish(NewsroomUser user, long storyId, @Nullable Map<Language, Integer> seen) {
        var story = story(storyId);
        require(Permissions.of(user, story).publish(), "publish", storyId);
        requirePublishable(story);
        if (seen == null) {
            stories.publish(storyId);
        } else {
            stories.publish(storyId, seen);
        }
        audit.record(user.username(), "story.publish", "story " + storyId, revisions(seen).strip());
    }

    /** Publishes one language version on its own: a finished translation goes live without the others' pending edits. */
    @Transactional
    public void publishVersion(NewsroomUser user, long storyId, Language language) {
        publishVersion(user, storyId, language, null);
    }

    /** The same, at the revision {@code seen} or not at all (an {@link org.masthead.content.ApprovalOutdated}). */
    @Transactional
    public void publishVersion(NewsroomUser user, long storyId, Language language, @Nullable Integer seen) {
        var story = story(storyId);
        require(Permissions.of(user, story).publish(), "publish", storyId);
        requirePublishable(story);
        if (seen == null) {
            stories.publishVersion(storyId, language);
        } else {
            stories.publishVersion(storyId, language, seen);
        }
        audit.record(user.username(), "story.publish", subject(storyId, language),
                seen == null ? "" : "revision " + seen);
    }

    /**
     * The versions whose latest revision is newer than the one an editor approved last: text saved after
     * the approval, which readers do not see until an editor approves it.
     */
    @Transactional(readOnly = true)
    public Set<Language> changedSinceApproval(long storyId) {
        var story = story(storyId);
        var approved = stories.approvedRevisions(storyId);
        var changed = EnumSet.noneOf(Language.class);
        story.revisions().forEach((language, latest) -> {
            var at = approved.get(language);
            if (at != null && latest > at) {
                changed.add(language);
            }
        });
        return changed;
    }

    private static String revisions(@Nullable Map<Language, Integer> seen) {
        if (seen == null) {
            return "";
        }
        var text = new StringBuilder(" revisions");
        new java.util.TreeMap<>(seen).forEach((language, revision) -> text.append(' ').append(language.code())
                .append('=').append(revision));
        return text.toString();
    }

    @Transactional
    public void unpublish(NewsroomUser user, long storyId) {
        require(Permissions.of(user, story(storyId)).unpublish(), "unpublish", storyId);
        stories.unpublish(storyId);
        audit.record(user.username(), "story.unpublish", "story " + storyId, "");
    }

    @Transactional
    public void backToDraft(NewsroomUser user, long storyId) {
        require(Permissions.of(user, story(storyId)).backToDraft(), "draft", storyId);
        stories.moveTo(storyId, StoryStatus.DRAFT, null);
        audit.record(user.username(), "story.draft", "story " + storyId, "");
    }

    @Transactional
    public void delete(NewsroomUser user, long storyId) {
        require(Permissions.of(user, story(storyId)).delete(), "delete", storyId);
        var headline = stories.working(storyId, stories.sourceLanguage(storyId)).map(VersionView::headline).orElse("");
        stories.delete(storyId);
        audit.record(user.username(), "story.delete", "story " + storyId, headline);
    }

    @Transactional
    public void addNote(NewsroomUser user, long storyId, Language language, StoryNote.Kind kind, String text) {
        require(Permissions.of(user, story(storyId)).addNote(), "note", storyId);
        var note = org.masthead.content.CleanText.lines(text).strip();
        if (note.isEmpty() || note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note has 1 to " + MAX_NOTE + " characters");
        }
        stories.addNote(storyId, language, kind, note, user.username());
        audit.record(user.username(), "story." + kind.name().toLowerCase(java.util.Locale.ROOT), subject(storyId, language), note);
    }

    /**
     * Publishes every scheduled story whose time has come. Run every few seconds and at start-up, so
     * a story that fell due while the server was down goes live when it is back. A story that can no
     * longer be published (an image lost its caption since it was scheduled) goes back to review,
     * with a line in the audit log, rather than being skipped in silence.
     */
    public int publishDue() {
        var now = clock.instant();
        int published = 0;
        for (long storyId : stories.dueForPublishing(now)) {
            // one transaction per story: a failure of one leaves the others published
            if (Boolean.TRUE.equals(transactions.execute(status -> publishOneDue(storyId, now)))) {
                published++;
            }
        }
        return published;
    }

    private boolean publishOneDue(long storyId, Instant now) {
        var story = stories.details(storyId).orElse(null);
        if (story == null || story.status() != StoryStatus.SCHEDULED) {
            return false;
        }
        var problems = problems(story);
        if (problems.isEmpty() && stories.approvedRevisions(storyId).isEmpty()) {
            problems = List.of(new PublishBlocked.Problem(story.sourceLanguage(), "newsroom.publish.no-version", 0));
        }
        if (!problems.isEmpty()) {
            stories.moveTo(storyId, StoryStatus.IN_REVIEW, null);
            audit.record("scheduler", "story.schedule-failed", "story " + storyId, problems.toString());
            return false;
        }
        if (stories.publishIfDue(storyId, now)) {
            audit.record("scheduler", "story.publish", "story " + storyId, "scheduled");
            return true;
        }
        return false;
    }

    /** Why the story cannot be published now; empty when it can. */
    @Transactional(readOnly = true)
    public List<PublishBlocked.Problem> problems(long storyId) {
        return problems(story(storyId));
    }

    private List<PublishBlocked.Problem> problems(StoryDetails story) {
        var problems = new ArrayList<PublishBlocked.Problem>();
        if (story.revisions().isEmpty()) {
            problems.add(new PublishBlocked.Problem(story.sourceLanguage(), "newsroom.publish.no-version", 0));
        }
        for (var language : story.revisions().keySet()) {
            var version = stories.working(story.id(), language).orElseThrow();
            if (story.leadImageId() != null && (version.leadImageCaption().isBlank()
                    || version.leadImageCredit().isBlank() || version.leadImageAlt().isBlank())) {
                problems.add(new PublishBlocked.Problem(language, "newsroom.publish.lead-image-text", 0));
            }
            var body = version.body();
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i) instanceof Block.Image image
                        && (image.caption().isBlank() || image.credit().isBlank() || image.alt().isBlank())) {
                    problems.add(new PublishBlocked.Problem(language, "newsroom.publish.image-text", i + 1));
                }
            }
        }
        return problems;
    }

    private void requirePublishable(StoryDetails story) {
        var problems = problems(story);
        if (!problems.isEmpty()) {
            throw new PublishBlocked(problems);
        }
    }

    private StoryMetadata withTyped(NewsroomUser user, StoryMetadata metadata, List<String> typedTags) {
        if (typedTags.isEmpty()) {
            return metadata;
        }
        var tags = new java.util.LinkedHashSet<>(metadata.tagIds());
        tags.addAll(taxonomy.tagsTyped(user, typedTags));
        return new StoryMetadata(metadata.sectionId(), metadata.authorIds(), List.copyOf(tags), metadata.leadImageId());
    }

    private StoryDetails story(long storyId) {
        return stories.details(storyId).orElseThrow(() -> new StoryNotFound(storyId));
    }

    private static void require(boolean allowed, String action, long storyId) {
        if (!allowed) {
            throw new WorkflowRefused(action, storyId);
        }
    }

    private static String subject(long storyId, Language language) {
        return "story " + storyId + " (" + language.code() + ")";
    }
}
