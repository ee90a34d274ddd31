package org.masthead.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Author;
import org.masthead.content.FrontPages;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.PublishedStory;
import org.masthead.content.SectionDetails;
import org.masthead.content.TagDetails;
import org.masthead.content.Taxonomy;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryFilter;
import org.masthead.content.StorySlice;
import org.masthead.platform.Language;
import org.masthead.platform.web.ReadModel;
import org.masthead.platform.web.ReadModel.Tags;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What reader pages show of the newsroom's stories, through the node's {@link ReadModel}: each value is
 * tagged like the pages that show it, so the evictions that drop those pages drop it too. Signed-in staff
 * (whose requests pass by the page cache) read the database itself, as they always have.
 */
@Component
public class ReaderData {

    private record PublishedKey(long id, Language language) {
    }

    private record RelatedKey(long id, Language language, int limit) {
    }

    private record CardsKey(List<Long> ids, Language language) {
    }

    private record ListKey(StoryFilter filter, int offset, int limit, boolean counted) {
    }

    private record LatestKey(Language language, int perSection) {
    }

    private record LiveBlogKey(long storyId) {
    }

    private record FrontKey(FrontPages.Front front) {
    }

    private record TaxonomyKey(String kind, String slug) {
    }

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final ReadModel model;
    private final LiveBlogs liveBlogs;
    private final FrontPages fronts;

    ReaderData(Stories stories, Taxonomy taxonomy, ReadModel model, LiveBlogs liveBlogs, FrontPages fronts) {
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.model = model;
        this.liveBlogs = liveBlogs;
        this.fronts = fronts;
    }

    /**
     * The places of a front (the home page or a section's) as readers see them; dropped with that page (a new
     * arrangement, a pin that ran out, a story in a place that changed).
     */
    public List<FrontPages.Slot> front(FrontPages.Front front) {
        if (fresh()) {
            return fronts.live(front);
        }
        return model.get(new FrontKey(front), () -> fronts.live(front),
                slots -> Tags.of(front.language(), Set.of(SurrogateKeys.front(front.sectionId()))));
    }

    /**
     * The story's live blog, if it is one; that it is not is remembered too (most stories are not), until an
     * event of the live blog drops its key.
     */
    public Optional<LiveBlog> liveBlog(long storyId) {
        if (fresh()) {
            return liveBlogs.find(storyId);
        }
        return model.get(new LiveBlogKey(storyId), () -> liveBlogs.find(storyId),
                found -> Tags.of(null, Set.of(SurrogateKeys.live(storyId), SurrogateKeys.story(storyId))));
    }

    /** The section, tag or author of a list page by its current slug; an unknown slug is not remembered. */
    public Optional<SectionDetails> section(String slug) {
        return fresh() ? taxonomy.sectionDetails(slug) : Optional.ofNullable(model.get(new TaxonomyKey("section", slug),
                () -> taxonomy.sectionDetails(slug).orElse(null),
                found -> Tags.of(null, Set.of(SurrogateKeys.LAYOUT, SurrogateKeys.section(found.id())))));
    }

    public Optional<TagDetails> tag(String slug) {
        return fresh() ? taxonomy.tagDetails(slug) : Optional.ofNullable(model.get(new TaxonomyKey("tag", slug),
                () -> taxonomy.tagDetails(slug).orElse(null),
                found -> Tags.of(null, Set.of(SurrogateKeys.tag(found.id())))));
    }

    public Optional<Author> author(String slug) {
        return fresh() ? taxonomy.author(slug) : Optional.ofNullable(model.get(new TaxonomyKey("author", slug),
                () -> taxonomy.author(slug).orElse(null),
                found -> Tags.of(null, Set.of(SurrogateKeys.author(found.id())))));
    }

    /** The live version, when there is one; a missing one is not remembered (publishing it must show at once). */
    public Optional<PublishedStory> published(long id, Language language) {
        if (fresh()) {
            return stories.published(id, language);
        }
        return Optional.ofNullable(model.get(new PublishedKey(id, language),
                () -> stories.published(id, language).orElse(null), ReaderData::storyTags));
    }

    public List<StoryCard> related(PublishedStory story, int limit) {
        if (fresh()) {
            return stories.related(story.id(), story.language(), limit);
        }
        return model.get(new RelatedKey(story.id(), story.language(), limit),
                () -> stories.related(story.id(), story.language(), limit), related -> {
                    var keys = new LinkedHashSet<>(storyTags(story).keys());
                    keys.add(SurrogateKeys.LAYOUT);
                    related.forEach(card -> keys.add(SurrogateKeys.story(card.id())));
                    return Tags.of(story.language(), keys);
                });
    }

    /** Cards of the stories live in {@code language}; any change to one of them drops the entry in every language. */
    public List<StoryCard> cards(Collection<Long> ids, Language language) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (fresh()) {
            return stories.cards(ids, language);
        }
        var sorted = new ArrayList<>(new java.util.TreeSet<>(ids));
        return model.get(new CardsKey(List.copyOf(sorted), language), () -> stories.cards(sorted, language), cards -> {
            var keys = new LinkedHashSet<String>();
            keys.add(SurrogateKeys.LAYOUT);
            sorted.forEach(id -> {
                keys.add(SurrogateKeys.story(id));
                keys.add(SurrogateKeys.linksTo(id));
            });
            return Tags.of(null, keys);
        });
    }

    /**
     * One page of a list, tagged with the list's own key ({@code home} for every story of a language) and each
     * story on it. Without {@code counted} the total is not counted (and reported as -1): the home page needs none.
     */
    public StorySlice list(StoryFilter filter, int offset, int limit, boolean counted) {
        if (fresh()) {
            return load(filter, offset, limit, counted);
        }
        return model.get(new ListKey(filter, offset, limit, counted), () -> load(filter, offset, limit, counted),
                slice -> {
                    var keys = new LinkedHashSet<String>();
                    keys.add(SurrogateKeys.LAYOUT);
                    keys.add(listKey(filter));
                    slice.stories().forEach(card -> keys.add(SurrogateKeys.story(card.id())));
                    return Tags.of(filter.language(), keys);
                });
    }

    public List<StoryCard> latestPerSection(Language language, int perSection) {
        if (fresh()) {
            return stories.latestPerSection(language, perSection);
        }
        return model.get(new LatestKey(language, perSection), () -> stories.latestPerSection(language, perSection),
                cards -> {
                    var keys = new LinkedHashSet<String>();
                    keys.add(SurrogateKeys.LAYOUT);
                    keys.add("home");
                    cards.forEach(card -> {
                        keys.add(SurrogateKeys.story(card.id()));
                        keys.add(SurrogateKeys.section(card.section().id()));
                    });
                    return Tags.of(language, keys);
                });
    }

    private StorySlice load(StoryFilter filter, int offset, int limit, boolean counted) {
        return counted ? stories.list(filter, offset, limit) : stories.latest(filter, offset, limit);
    }

    private static String listKey(StoryFilter filter) {
        if (filter.sectionId() != null) {
            return SurrogateKeys.section(filter.sectionId());
        }
        if (filter.tagId() != null) {
            return SurrogateKeys.tag(filter.tagId());
        }
        if (filter.authorId() != null) {
            return SurrogateKeys.author(filter.authorId());
        }
        return "home";
    }

    /** A story's own keys: any change of it, its section, tags or authors drops what was read of it. */
    private static Tags storyTags(@Nullable PublishedStory story) {
        if (story == null) {
            return Tags.of(null, Set.of());
        }
        var keys = new LinkedHashSet<String>();
        keys.add(SurrogateKeys.story(story.id()));
        // another language's version going live or away changes this one's alternates
        keys.add(SurrogateKeys.linksTo(story.id()));
        keys.add(SurrogateKeys.section(story.section().id()));
        keys.add(SurrogateKeys.LAYOUT);
        story.tags().forEach(tag -> keys.add(SurrogateKeys.tag(tag.id())));
        story.authors().forEach(author -> keys.add(SurrogateKeys.author(author.id())));
        return Tags.of(story.language(), keys);
    }

    /** Whether this request reads the database itself: signed-in staff see what is there now. */
    public static boolean fresh() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return false;
        }
        return request.getAttribute(ReadModel.FRESH, RequestAttributes.SCOPE_REQUEST) != null
                || request instanceof ServletRequestAttributes servlet
                        && servlet.getRequest().getRequestURI().startsWith("/newsroom/");
    }
}
