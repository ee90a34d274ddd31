package org.masthead.search;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.content.ContentEvent;
import org.masthead.content.SiteEvent;
import org.masthead.content.Stories;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database, fed by the outbox after each commit. Every content event
 * re-reads the whole story and replaces its documents, so handling an event twice, or out of date, is
 * harmless; the relay moves its cursor only after the index has committed, so a crash loses no update.
 */
@Component
@Order(0)   // before the page cache drops the search pages this event changes
class StoryIndexer implements OutboxConsumer {

    /** Simple names of every content event, new ones (a deletion, say) included without a change here. */
    private static final Set<String> CONTENT_EVENTS = Arrays.stream(ContentEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SITE_EVENTS = Arrays.stream(SiteEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

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
    public void handle(OutboxEvent event) {
        if (CONTENT_EVENTS.contains(event.type())) {
            reindex(event.payload(ContentEvent.class).storyId());
        } else if (SITE_EVENTS.contains(event.type())) {
            storiesShowing(event.payload(SiteEvent.class)).forEach(this::reindex);
        }
    }

    /**
     * The stories whose documents hold what changed: a section's slug (results link to it, facets count
     * by it), a tag's or author's slug and names (facets, suggestions). Pages and settings are not indexed.
     */
    private List<Long> storiesShowing(SiteEvent event) {
        return switch (event) {
            case SiteEvent.SectionChanged section -> section.moved() ? stories.idsInSection(section.sectionId()) : List.of();
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
    synchronized void reindex(long storyId) {
        index.replace(storyId, documents(storyId));
    }

    synchronized void copy(List<Long> storyIds, SearchIndex.Rebuild rebuild) {
        for (long id : storyIds) {
            rebuild.add(id, documents(id));
        }
    }

    private List<SearchDocument> documents(long storyId) {
        return stories.searchable(storyId).stream().map(SearchDocuments::of).toList();
    }
}
