package org.masthead.cache;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentEvent;
import org.masthead.content.SiteEvent;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxConsumers;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * Drops the cached pages that show search results (search pages, suggestions, the search API: surrogate key
 * {@code search}) once the search index holds the changes that alter them: it is declared after the index in
 * {@link OutboxConsumers}, so its cursor never passes the index's. A search page rendered before the index
 * committed a change is dropped here; one rendered after shows it; one rendered across this eviction is not
 * stored ({@link PageCache#store}). Where the index lives on each node, each node drops its own pages; where one
 * index serves the cluster, the node that saw the index move tells the others.
 */
@Component
class SearchPageInvalidator implements OutboxConsumer {

    static final String NAME = "search-pages";
    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.class, SiteEvent.class);
    private static final Set<String> SEARCH = Set.of("search");

    private final PageCache cache;
    private final boolean everyNode;

    SearchPageInvalidator(PageCache cache, OutboxConsumers consumers) {
        this.cache = cache;
        this.everyNode = consumers.scopeOf(NAME) == OutboxConsumers.Scope.EVERY_NODE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    /** One eviction for the whole batch, in the languages whose results changed. */
    @Override
    public void handle(List<OutboxEvent> events) {
        var languages = EnumSet.noneOf(Language.class);
        for (var event : events) {
            languages.addAll(changed(event));
            if (languages.size() == Language.values().length) {
                break;
            }
        }
        if (languages.isEmpty()) {
            return;
        }
        if (everyNode) {
            cache.evictHere(new Eviction(SEARCH, languages));
        } else {
            cache.evict(SEARCH, languages);
        }
    }

    /** The languages whose search results {@code event} changes (none for a draft saved, a static page…). */
    private static Set<Language> changed(OutboxEvent event) {
        var all = EnumSet.allOf(Language.class);
        if (OutboxEvent.typesOf(ContentEvent.class).contains(event.type())) {
            return switch (event.payload(ContentEvent.class)) {
                // readers' search finds published versions only; the newsroom's search is never cached
                case ContentEvent.VersionSaved saved -> Set.of();
                case ContentEvent.StoryPublished published -> published.languages();
                case ContentEvent.MetadataChanged changed -> changed.live() ? all : Set.of();
                case ContentEvent.StoryUnpublished unpublished -> all;
                case ContentEvent.VersionUnpublished withdrawn -> all;
                case ContentEvent.StoryDeleted deleted -> all;
            };
        }
        return switch (event.payload(SiteEvent.class)) {
            // results link to the section's address and facets count by its slug
            case SiteEvent.SectionChanged section -> section.moved() || section.change() == SiteEvent.Change.DELETED
                    ? all : Set.of();
            // facets and suggestions show names
            case SiteEvent.TagChanged tag -> tag.renamed() || tag.change() == SiteEvent.Change.DELETED ? all : Set.of();
            case SiteEvent.TagsMerged merged -> all;
            case SiteEvent.AuthorChanged author -> author.renamed() ? all : Set.of();
            case SiteEvent.PageChanged page -> Set.of();
            // evicts every page, search pages too (page cache)
            case SiteEvent.PublicationChanged publication -> Set.of();
            // search pages show no front page; the banner's key drops them with every other page (page cache)
            case SiteEvent.FrontPageChanged front -> Set.of();
            case SiteEvent.BannerChanged banner -> Set.of();
        };
    }
}
