package org.masthead.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentEvent;
import org.masthead.content.SiteEvent;
import org.masthead.content.Stories;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database, fed by the outbox after each commit. Every content event
 * re-reads the whole story and replaces its documents, so handling an event twice, or out of date, is
 * harmless; a batch of events reads each story it names once and commits the index once, and the relay
 * moves its cursor only after that commit, so a crash loses no update.
 */
@Component
class StoryIndexer implements OutboxConsumer {

    private static final Set<String> CONTENT_EVENTS = OutboxEvent.typesOf(ContentEvent.class);
    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.class, SiteEvent.class);

    private final Stories stories;
    private final SearchIndex index;

    StoryIndexer(Stories stories, SearchIndex index) {
        this.stories = stories;
        this.index = index;
    }

    @Override
    public String name() {
        return "search-index";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        var storyIds = new LinkedHashSet<Long>();
        for (var event : events) {
            if (CONTENT_EVENTS.contains(event.type())) {
                storyIds.add(event.payload(ContentEvent.class).storyId());
            } else {
                storyIds.addAll(storiesShowing(event.payload(SiteEvent.class)));
            }
        }
        reindex(storyIds);
    }

    /**
     * The stories whose documents hold what changed: a section's slug (results link to it, facets count
     * by it), a tag's or author's slug and names (facets, suggestions). Pages and settings are not indexed.
     * A new section has no slug to move from: the stories filed in it since are indexed by their own saves (read
     * only now, its stories would be every story an archive import filed there, all in one batch).
     */
    private List<Long> storiesShowing(SiteEvent event) {
        return switch (event) {
            case SiteEvent.SectionChanged section -> section.change() != SiteEvent.Change.CREATED && section.moved()
                    ? stories.idsInSection(section.sectionId()) : List.of();
            case SiteEvent.TagChanged tag -> tag.change() == SiteEvent.Change.DELETED ? tag.storyIds()
                    : tag.renamed() ? stories.idsTagged(tag.tagId()) : List.of();
            case SiteEvent.TagsMerged merged -> merged.storyIds();
            case SiteEvent.AuthorChanged author -> author.renamed() ? stories.idsBylined(author.authorId()) : List.of();
            case SiteEvent.PageChanged page -> List.of();
            case SiteEvent.PublicationChanged publication -> List.of();
            case SiteEvent.FrontPageChanged front -> List.of();
            case SiteEvent.BannerChanged banner -> List.of();
        };
    }

    /**
     * Reading and writing a story happen under one lock shared with {@link #copy}, so a rebuild can never
     * write an older reading of a story after the indexer wrote a newer one.
     */
    synchronized void reindex(Collection<Long> storyIds) {
        var documents = new LinkedHashMap<Long, List<SearchDocument>>();
        for (long id : storyIds) {
            documents.put(id, documents(id));
            // a renamed section or tag can name tens of thousands of stories: held a few hundred at a time
            if (documents.size() == CHUNK) {
                replace(documents);
                documents = new LinkedHashMap<>();
            }
        }
        if (!documents.isEmpty()) {
            replace(documents);
        }
    }

    private static final int CHUNK = 500;

    private void replace(java.util.Map<Long, List<SearchDocument>> documents) {
        try {
            index.replace(documents);
        } catch (SearchUnavailable e) {
            // the relay keeps the events and hands them again once the engine is back
            throw new OutboxConsumer.Unavailable(e.getMessage(), e);
        }
    }

    synchronized void copy(List<Long> storyIds, SearchIndex.Rebuild rebuild) {
        var documents = new LinkedHashMap<Long, List<SearchDocument>>();
        for (long id : storyIds) {
            documents.put(id, documents(id));
        }
        rebuild.add(documents);
    }

    private List<SearchDocument> documents(long storyId) {
        return stories.searchable(storyId).stream().map(SearchDocuments::of).toList();
    }
}
