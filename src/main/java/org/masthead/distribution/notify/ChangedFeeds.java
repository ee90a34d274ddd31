package org.masthead.distribution.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentEvent;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.site.FeedFormat;
import org.masthead.site.PublicUrls;
import org.springframework.stereotype.Component;

/** The addresses a content change touches: the feeds that list the story, and the story's own pages. */
@Component
class ChangedFeeds {

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final PublicUrls urls;

    ChangedFeeds(Stories stories, Taxonomy taxonomy, PublicUrls urls) {
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    /** The languages whose lists changed with {@code event}; empty for a change readers cannot see. */
    static Set<Language> languages(ContentEvent event) {
        return switch (event) {
            case ContentEvent.StoryPublished published -> published.languages();
            case ContentEvent.StoryUnpublished unpublished -> Set.of(Language.values());
            case ContentEvent.VersionUnpublished version -> Set.of(version.language());
            case ContentEvent.StoryDeleted deleted -> Set.of();   // its lists changed when it was unpublished
            case ContentEvent.VersionSaved saved -> Set.of();     // a saved draft changes nothing readers see
            // a live story filed elsewhere (section, tags, authors) or with another lead image changes its lists
            case ContentEvent.MetadataChanged changed -> changed.live() ? Set.of(Language.values()) : Set.of();
        };
    }

    /**
     * Every feed (all four variants) of every list that holds the story in {@code languages}: the
     * language's home, its section, its tags and its authors.
     */
    List<String> feeds(long storyId, Set<Language> languages) {
        var story = stories.details(storyId).orElse(null);
        if (story == null || languages.isEmpty()) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        for (var language : Language.all()) {
            if (!languages.contains(language)) {
                continue;
            }
            var lists = new ArrayList<String>();
            lists.add(urls.home(language));
            taxonomy.sections().stream().filter(s -> s.id() == story.sectionId())
                    .forEach(s -> lists.add(urls.section(language, s)));
            taxonomy.tags().stream().filter(t -> story.tagIds().contains(t.id())).forEach(t -> lists.add(urls.tag(language, t)));
            taxonomy.authors().stream().filter(a -> story.authorIds().contains(a.id()))
                    .forEach(a -> lists.add(urls.author(language, a)));
            for (var list : lists) {
                for (var format : FeedFormat.values()) {
                    out.add(urls.absolute(urls.feed(list, format, false)));
                    out.add(urls.absolute(urls.feed(list, format, true)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The addresses of the story's versions now live in {@code languages}. */
    List<String> pages(long storyId, Set<Language> languages) {
        var pages = new ArrayList<String>();
        for (var language : Language.all()) {
            if (languages.contains(language)) {
                stories.published(storyId, language).ifPresent(story -> pages.add(urls.absolute(urls.story(story.card()))));
            }
        }
        return pages;
    }
}
