package org.masthead.content;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.masthead.content.ContentEvent.StoryPublished;
import org.masthead.content.ContentEvent.StoryUnpublished;
import org.masthead.content.ContentEvent.VersionSaved;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.Outbox;
import org.masthead.platform.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way into stories for every other module. */
@Service
public class Stories {

    private final StoryRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    Stories(StoryRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens a draft story with no language version yet; returns its id. */
    @Transactional
    public long create(NewStory story) {
        return repository.insertStory(story, clock.instant());
    }

    /**
     * Saves one language version as a new revision; refuses if someone saved since the editor loaded
     * it. The version, its revision and the event commit together or not at all.
     */
    @Transactional
    public int save(SaveVersion save) {
        repository.status(save.storyId()).orElseThrow(() -> new StoryNotFound(save.storyId()));
        int current = repository.currentRevision(save.storyId(), save.language()).orElse(0);
        if (current != save.basedOnRevision()) {
            throw new EditConflict(save.storyId(), save.language(), current);
        }
        int number = current + 1;
        repository.insertRevision(save, number, Slugs.of(save.headline(), save.language()), clock.instant());
        outbox.append(new VersionSaved(save.storyId(), save.language(), number));
        return number;
    }

    /** Makes the latest revision of every version live now. */
    @Transactional
    public void publish(long storyId) {
        publish(storyId, clock.instant());
    }

    /**
     * Makes the latest revision of every version live as of {@code at}: the first publication keeps
     * its time, a later one becomes the "updated" time. Imports of an archive pass the original time.
     */
    @Transactional
    public void publish(long storyId, Instant at) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        var live = repository.publishAll(storyId, at);
        if (live.isEmpty()) {
            throw new IllegalStateException("Story " + storyId + " has no language version to publish");
        }
        outbox.append(new StoryPublished(storyId, EnumSet.copyOf(live)));
    }

    /** Takes every version off the reader site; their pages answer 410 Gone from now on. */
    @Transactional
    public void unpublish(long storyId) {
        repository.status(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        repository.unpublish(storyId);
        outbox.append(new StoryUnpublished(storyId));
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

    /** Whether readers could once open this version and now cannot (410 rather than 404). */
    @Transactional(readOnly = true)
    public boolean wasPublished(long storyId, Language language) {
        return repository.wasPublished(storyId, language);
    }

    @Transactional(readOnly = true)
    public StorySlice list(StoryFilter filter, int offset, int limit) {
        return repository.list(filter, offset, limit);
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

    @Transactional(readOnly = true)
    public List<StoryCard> related(long storyId, Language language, int limit) {
        return repository.related(storyId, language, limit);
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
}
