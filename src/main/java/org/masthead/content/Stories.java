package org.masthead.content;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.masthead.content.ContentEvent.StoryDeleted;
import org.masthead.content.ContentEvent.StoryPublished;
import org.masthead.content.ContentEvent.StoryUnpublished;
import org.masthead.content.ContentEvent.VersionSaved;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.Outbox;
import org.masthead.platform.text.Slugs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way into stories for every other module. */
@Service
public class Stories {

    private final StoryRepository repository;
    private final ContentRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final ContentMetrics metrics;
    private final ObjectProvider<ImagePublication> images;

    Stories(StoryRepository repository, ContentRules rules, Outbox outbox, Clock clock, ContentMetrics metrics,
            ObjectProvider<ImagePublication> images) {
        this.repository = repository;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.images = images;
    }

    /** Opens a draft story with no language version yet; returns its id. */
    @Transactional
    public long create(NewStory story) {
        return create(story, "");
    }

    /** Opens a draft story on behalf of a newsroom account, which then owns it. */
    @Transactional
    public long create(NewStory story, String createdBy) {
        checkFiling(story.sectionId(), story.authorIds(), story.tagIds(), null);
        return repository.insertStory(story, createdBy, clock.instant());
    }

    /**
     * A story is filed in a section that exists and is open to new stories (a story already in an
     * archived section may stay there), under authors and tags that exist.
     */
    private void checkFiling(long sectionId, List<Long> authorIds, List<Long> tagIds, @Nullable Long currentSection) {
        var archived = repository.sectionArchived(sectionId)
                .orElseThrow(() -> new TaxonomyRejected("section", "newsroom.story.error.section"));
        if (archived && (currentSection == null || currentSection != sectionId)) {
            throw new TaxonomyRejected("section", "newsroom.story.error.section-archived");
        }
        if (repository.existing("author", authorIds) != authorIds.stream().distinct().count()) {
            throw new TaxonomyRejected("authors", "newsroom.story.error.author");
        }
        if (repository.existing("tag", tagIds) != tagIds.stream().distinct().count()) {
            throw new TaxonomyRejected("tags", "newsroom.story.error.tag");
        }
    }

    /**
     * Saves one language version as a new revision; refuses if someone saved since the editor loaded
     * it, and refuses with {@link InvalidContent} what {@link ContentRules} does not allow (every text
     * is cleaned on the way in). The version, its revision and the event commit together or not at all.
     */
    @Transactional
    public int save(SaveVersion save) {
        return save(save, ContentRules.Completeness.COMPLETE);
    }

    /**
     * Saves a version whose texts may still be partly empty, as a translation in progress is; every
     * other rule holds as for {@link #save(SaveVersion)}.
     */
    @Transactional
    public int savePartial(SaveVersion save) {
        return save(save, ContentRules.Completeness.PARTIAL);
    }

    /**
     * Saves a version brought in from another platform's archive under the address it had there: {@code slug}
     * (a valid slug) is kept instead of one made from the headline, so the old address maps onto the new one.
     * Every other rule holds as for {@link #save(SaveVersion)}.
     */
    @Transactional
    public int saveImported(SaveVersion save, String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Not a slug: " + slug);
        }
        return save(save, ContentRules.Completeness.COMPLETE, slug);
    }

    private int save(SaveVersion posted, ContentRules.Completeness completeness) {
        return save(posted, completeness, null);
    }

    private int save(SaveVersion posted, ContentRules.Completeness completeness, @Nullable String slug) {
        repository.status(posted.storyId()).orElseThrow(() -> new StoryNotFound(posted.storyId()));
        var save = rules.check(posted, completeness);
        int current = repository.currentRevision(save.storyId(), save.language()).orElse(0);
        if (current != save.basedOnRevision()) {
            throw new EditConflict(save.storyId(), save.language(), current);
        }
        int number = current + 1;
        repository.insertRevision(save, number, slug != null ? slug : Slugs.of(save.headline(), save.language()),
                clock.instant());
        outbox.append(new VersionSaved(save.storyId(), save.language(), number));
        metrics.saved(save.language());
        return number;
    }

    /** Approves the latest revision of every version and makes it live now. */
    @Transactional
    public void publish(long storyId) {
        publish(storyId, clock.instant());
    }

    /**
     * Approves the latest revision of every version and makes it live as of {@code at}: the first
     * publication keeps its time, a later one becomes the "updated" time. Imports of an archive pass the
     * original time.
     */
    @Transactional
    public void publish(long storyId, Instant at) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.approveAll(storyId);
        publishApproved(storyId, at);
    }

    /**
     * Makes the approved revision of every approved version live as of {@code at}: what an editor approved,
     * not what was saved since. Versions nobody approved stay as they are.
     */
    @Transactional
    public void publishApproved(long storyId, Instant at) {
        var status = repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        var live = repository.publishApproved(storyId, at);
        if (live.isEmpty()) {
            throw new IllegalStateException("Story " + storyId + " has no approved language version to publish");
        }
        shown(storyId);
        outbox.append(new StoryPublished(storyId, EnumSet.copyOf(live), status == StoryStatus.PUBLISHED));
        metrics.published(status == StoryStatus.PUBLISHED);
    }

    /**
     * Approves the latest revision of one language version and makes it live, leaving the other versions as
     * they are: a translation can go live without publishing pending edits of the source.
     */
    @Transactional
    public void publishVersion(long storyId, Language language) {
        publishVersion(storyId, language, clock.instant());
    }

    /** The same as of {@code at}: an import of an archive passes the version's original time. */
    @Transactional
    public void publishVersion(long storyId, Language language, Instant at) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        boolean wasLive = repository.liveSlugs(storyId).containsKey(language);
        repository.approve(storyId, language);
        if (!repository.publishVersion(storyId, language, at)) {
            throw new IllegalStateException("Story " + storyId + " has no " + language.code() + " version to publish");
        }
        shown(storyId);
        outbox.append(new StoryPublished(storyId, EnumSet.of(language), wasLive));
        metrics.published(wasLive);
    }

    /**
     * Approves every version at the revision its approver saw ({@code seen}: language to revision, a version
     * left out counts as unseen) and makes them live now. If any version was saved since, or written, nothing
     * is approved and {@link ApprovalOutdated} says which.
     */
    @Transactional
    public void publish(long storyId, Map<Language, Integer> seen) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        approveSeen(storyId, seen, EnumSet.allOf(Language.class));
        publishApproved(storyId, clock.instant());
    }

    /** The same for one language version: it goes live at the revision seen, or not at all. */
    @Transactional
    public void publishVersion(long storyId, Language language, int seen) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        approveSeen(storyId, Map.of(language, seen), EnumSet.of(language));
        publishVersion(storyId, language);
    }

    /** An editor approves every version at the revision seen, or nothing (see {@link #publish(long, Map)}). */
    @Transactional
    public void approve(long storyId, Map<Language, Integer> seen) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        approveSeen(storyId, seen, EnumSet.allOf(Language.class));
    }

    /**
     * Each version of {@code languages} is approved only where its latest revision is the one seen; the
     * rows approved stay held by this transaction, so no save slips in between the check and the approval.
     * The exception rolls the transaction back, approvals made here included.
     */
    private void approveSeen(long storyId, Map<Language, Integer> seen, Set<Language> languages) {
        for (var entry : seen.entrySet()) {
            if (languages.contains(entry.getKey()) && entry.getValue() > 0) {
                repository.approveIfAt(storyId, entry.getKey(), entry.getValue());
            }
        }
        var latest = repository.latestRevisions(storyId);
        var changed = EnumSet.noneOf(Language.class);
        for (var language : languages) {
            if (latest.getOrDefault(language, 0).intValue() != seen.getOrDefault(language, 0).intValue()) {
                changed.add(language);
            }
        }
        if (!changed.isEmpty()) {
            throw new ApprovalOutdated(storyId, latest, changed);
        }
    }

    /** An editor approves what every version says now: these revisions are what the scheduler makes live. */
    @Transactional
    public void approve(long storyId) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.approveAll(storyId);
    }

    /** An editor approves what one version says now. */
    @Transactional
    public void approve(long storyId, Language language) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.approve(storyId, language);
    }

    /** The approved revision of each version that has one. */
    @Transactional(readOnly = true)
    public Map<Language, Integer> approvedRevisions(long storyId) {
        return repository.approvedRevisions(storyId);
    }

    private void shown(long storyId) {
        var shown = repository.liveImages(storyId);
        if (!shown.isEmpty()) {
            images.ifAvailable(publication -> publication.nowShown(shown));
        }
    }

    /** Takes one language version off the reader site; its page answers 410 Gone from now on. */
    @Transactional
    public void unpublishVersion(long storyId, Language language) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.unpublishVersion(storyId, language);
        outbox.append(new ContentEvent.VersionUnpublished(storyId, language));
        metrics.withdrawn();
    }

    /** Takes every version off the reader site; their pages answer 410 Gone from now on. */
    @Transactional
    public void unpublish(long storyId) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.unpublish(storyId);
        outbox.append(new StoryUnpublished(storyId));
        metrics.withdrawn();
    }

    @Transactional(readOnly = true)
    public Optional<PublishedStory> published(long storyId, Language language) {
        return repository.findPublished(storyId, language);
    }

    /** The section, tags and authors of a story in any status, for whoever must find the pages that list it. */
    @Transactional(readOnly = true)
    public Optional<StoryFiling> filing(long storyId) {
        return repository.filing(storyId);
    }

    /** Several published stories in one language, in the order given; those not live in it are left out. */
    @Transactional(readOnly = true)
    public List<PublishedStory> published(List<Long> storyIds, Language language) {
        return repository.findPublished(storyIds, language);
    }

    /** Whether readers could once open this version and now cannot (410 rather than 404). */
    @Transactional(readOnly = true)
    public boolean wasPublished(long storyId, Language language) {
        return repository.wasPublished(storyId, language);
    }

    @Transactional(readOnly = true)
    public StorySlice list(StoryFilter filter, int offset, int limit) {
        return repository.list(filter, offset, limit);
    }

    /** Like {@link #list} without counting the whole list: {@link StorySlice#total()} is -1. */
    @Transactional(readOnly = true)
    public StorySlice latest(StoryFilter filter, int offset, int limit) {
        return repository.list(filter, offset, limit, false);
    }

    @Transactional(readOnly = true)
    public List<StoryCard> latestPerSection(Language language, int perSection) {
        return repository.latestPerSection(language, perSection);
    }

    /** Cards of the given stories that are live in {@code language}; others are left out. */
    @Transactional(readOnly = true)
    public List<StoryCard> cards(Collection<Long> storyIds, Language language) {
        return repository.cards(storyIds, language);
    }

    /** Every revision of the story a search index holds (see {@link SearchableVersion}); empty if the story is gone. */
    @Transactional(readOnly = true)
    public List<SearchableVersion> searchable(long storyId) {
        return repository.searchable(storyId);
    }

    /** Ids of stories with at least one written version, ascending after {@code afterId}: for rebuilding indexes. */
    @Transactional(readOnly = true)
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, limit);
    }

    @Transactional(readOnly = true)
    public List<StoryCard> related(long storyId, Language language, int limit) {
        return repository.related(storyId, language, limit);
    }

    /** Published versions matching {@code query}, newest change first, at most {@code query.limit()}. */
    @Transactional(readOnly = true)
    public List<StoryCard> changes(StoryQuery query) {
        return repository.changes(query);
    }

    /**
     * Every live version of the live stories first published in {@code [from, to)}, oldest story first;
     * {@code skipStories} and {@code maxStories} page through them a story at a time, so the versions of
     * one story are never split.
     */
    @Transactional(readOnly = true)
    public List<LiveVersion> liveVersionsOfStoriesFirstPublished(Instant from, Instant to, int skipStories,
            int maxStories) {
        return repository.liveVersionsOfStoriesFirstPublished(from, to, skipStories, maxStories);
    }

    /** Live versions that went live at or after {@code since}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<LiveVersion> liveVersionsPublishedSince(Instant since, int limit) {
        return repository.liveVersionsPublishedSince(since, limit);
    }

    /** For every live story: its first publication and the last change of any of its live versions. */
    @Transactional(readOnly = true)
    public List<LiveVersion.StoryDates> liveStoryDates() {
        return repository.liveStoryDates();
    }

    /** The latest saved revision of a version (the working copy), whether published or not. */
    @Transactional(readOnly = true)
    public Optional<VersionView> working(long storyId, Language language) {
        return repository.working(storyId, language);
    }

    @Transactional(readOnly = true)
    public Optional<VersionView> revision(long storyId, Language language, int number) {
        return repository.revision(storyId, language, number);
    }

    /** The language the other versions are translated from. */
    @Transactional(readOnly = true)
    public Language sourceLanguage(long storyId) {
        return repository.sourceLanguage(storyId).orElseThrow(() -> new StoryNotFound(storyId));
    }

    /** Every story, newest first, with the versions it has: for newsroom lists and queues. */
    @Transactional(readOnly = true)
    public List<StoryOutline> outlines(int offset, int limit) {
        return repository.outlines(offset, limit);
    }

    /** A story whatever its status, with its versions' revision numbers: for the newsroom. */
    @Transactional(readOnly = true)
    public Optional<StoryDetails> details(long storyId) {
        return repository.details(storyId);
    }

    /**
     * Files the story under another section, tags or authors, or gives it another lead image. A change
     * is announced through the outbox with where the story was filed before, so the pages of its old
     * section, tags and authors can be found; saving the same metadata again announces nothing.
     */
    @Transactional
    public void updateMetadata(long storyId, StoryMetadata metadata) {
        var before = repository.details(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        checkFiling(metadata.sectionId(), metadata.authorIds(), metadata.tagIds(), before.sectionId());
        var filing = repository.filing(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.updateMetadata(storyId, metadata);
        var after = repository.details(storyId).orElseThrow();
        boolean imageChanged = !java.util.Objects.equals(before.leadImageId(), after.leadImageId());
        boolean filed = before.sectionId() != after.sectionId() || !before.authorIds().equals(after.authorIds())
                || !java.util.Set.copyOf(before.tagIds()).equals(java.util.Set.copyOf(after.tagIds()));
        if (imageChanged || filed) {
            outbox.append(new ContentEvent.MetadataChanged(storyId, filing, imageChanged,
                    after.status() == StoryStatus.PUBLISHED && !after.publishedRevisions().isEmpty()));
        }
    }

    /** Ids of the stories filed in a section, in any status, ascending. */
    @Transactional(readOnly = true)
    public List<Long> idsInSection(long sectionId) {
        return repository.idsInSection(sectionId);
    }

    /** Ids of the stories that carry a tag, in any status, ascending. */
    @Transactional(readOnly = true)
    public List<Long> idsTagged(long tagId) {
        return repository.idsTagged(tagId);
    }

    /** Ids of the stories with an author in their byline, in any status, ascending. */
    @Transactional(readOnly = true)
    public List<Long> idsBylined(long authorId) {
        return repository.idsBylined(authorId);
    }

    /** How many stories there are, in any status. */
    @Transactional(readOnly = true)
    public int count() {
        return repository.count();
    }

    /**
     * Moves a story between the newsroom states that readers do not see (draft, in review,
     * scheduled). Going live and off the site goes through {@link #publish} and {@link #unpublish}.
     */
    @Transactional
    public void moveTo(long storyId, StoryStatus status, @Nullable Instant scheduledAt) {
        if (status == StoryStatus.PUBLISHED || status == StoryStatus.UNPUBLISHED) {
            throw new IllegalArgumentException("Use publish or unpublish for " + status);
        }
        if (status == StoryStatus.SCHEDULED && scheduledAt == null) {
            throw new IllegalArgumentException("A scheduled story needs its time");
        }
        var current = repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        if (current == StoryStatus.PUBLISHED) {
            // a published story sent back to the desk leaves the reader site first
            repository.unpublish(storyId);
            outbox.append(new StoryUnpublished(storyId));
        metrics.withdrawn();
        }
        if (status != StoryStatus.SCHEDULED) {
            // back on the desk: whatever is approved next is approved anew
            repository.withdrawApprovals(storyId);
        }
        repository.setStatus(storyId, status, status == StoryStatus.SCHEDULED ? scheduledAt : null);
    }

    /** Scheduled stories whose time has come (a database query, so none is missed across restarts). */
    @Transactional(readOnly = true)
    public List<Long> dueForPublishing(Instant now) {
        return repository.due(now);
    }

    /**
     * Publishes a scheduled story whose time has come; false when it is no longer due or another node
     * published it first. The time of publication is the scheduled time, not the moment of polling.
     */
    @Transactional
    public boolean publishIfDue(long storyId, Instant now) {
        var details = repository.details(storyId).orElse(null);
        if (details == null || details.scheduledAt() == null || !repository.claimDue(storyId, now)) {
            return false;
        }
        publishApproved(storyId, details.scheduledAt().isAfter(now) ? now : details.scheduledAt());
        return true;
    }

    /**
     * Removes a story and everything that belongs to it; its pages answer 404 from now on. Only a story
     * that readers could once open is news to anyone outside the newsroom, so only its deletion is
     * announced.
     */
    @Transactional
    public void delete(long storyId) {
        var status = repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.delete(storyId);
        if (status == StoryStatus.PUBLISHED || status == StoryStatus.UNPUBLISHED) {
            outbox.append(new StoryDeleted(storyId));
        }
    }

    /** A version's revisions, newest first. */
    @Transactional(readOnly = true)
    public List<RevisionSummary> revisions(long storyId, Language language) {
        return repository.revisions(storyId, language);
    }

    /**
     * Attaches a dated correction or update note to a version; readers see it under the story and the
     * version's "updated" time becomes now.
     */
    @Transactional
    public void addNote(long storyId, Language language, StoryNote.Kind kind, String text, String by) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.insertNote(storyId, language, kind, text, by, clock.instant());
        outbox.append(new VersionSaved(storyId, language,
                repository.currentRevision(storyId, language).orElse(0)));
    }

    @Transactional(readOnly = true)
    public List<StoryNote> notes(long storyId, Language language) {
        return repository.notes(storyId, language);
    }

    /** The working copy laid out as a reader page would show it, for the newsroom's preview. */
    @Transactional(readOnly = true)
    public Optional<PublishedStory> preview(long storyId, Language language) {
        return repository.findPreview(storyId, language, clock.instant());
    }

    @Transactional(readOnly = true)
    public DeskSlice desk(DeskFilter filter, int offset, int limit) {
        return repository.desk(filter, offset, limit);
    }

    /** Stories whose headline in any language contains the text, for picking read-also links. */
    @Transactional(readOnly = true)
    public List<DeskRow> findByHeadline(String text, int limit) {
        return repository.findByHeadline(text, limit);
    }
}
