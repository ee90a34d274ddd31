package org.masthead.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.AuthorDraft;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.RichText;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.content.SectionDraft;
import org.masthead.content.TagDraft;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.platform.Localized;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty database with the demo newsroom, so that a first start shows a living site.
 * Publication times are relative to now, so the demo always looks current. Runs before the web
 * server opens, so no reader ever sees the site half seeded.
 */
@Component
class DemoNewsroom implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoNewsroom.class);
    static final String EDITOR = "demo";

    private final DemoProperties properties;
    private final Taxonomy taxonomy;
    private final Pages pages;
    private final Stories stories;
    private final MediaLibrary media;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LiveBlogs liveBlogs;

    DemoNewsroom(DemoProperties properties, Taxonomy taxonomy, Pages pages, Stories stories, MediaLibrary media,
            JsonMapper json, TransactionTemplate transaction, Clock clock, LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.properties = properties;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.stories = stories;
        this.media = media;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    private static final java.util.regex.Pattern STORY_KEY = java.util.regex.Pattern.compile("\\(story:([a-z][a-z0-9-]*)\\)");

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.enabled() || !taxonomy.sections().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        int count = transaction.execute(status -> seed());
        log.info("Demo newsroom seeded: {} stories in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private int seed() {
        var newsroom = read("classpath:demo/newsroom.json", DemoFiles.Newsroom.class);
        var site = read("classpath:demo/site.json", DemoFiles.Site.class);
        var sections = new HashMap<String, Long>();
        var authors = new HashMap<String, Long>();
        var tags = new HashMap<String, Long>();
        // through the front doors a newsroom uses, with their checks and their outbox events
        newsroom.sections().forEach(s -> sections.put(s.slug(), taxonomy.createSection(new SectionDraft(s.slug(),
                localized(s.names()), localized(site.sectionDescriptions().getOrDefault(s.slug(), Map.of())),
                Localized.EMPTY, Localized.EMPTY, false, false))));
        newsroom.tags().forEach(t -> tags.put(t.slug(), taxonomy.createTag(TagDraft.named(t.slug(), localized(t.names())))));
        newsroom.authors().forEach(a -> {
            var profile = site.authorProfiles().getOrDefault(a.slug(), new DemoFiles.Profile(Map.of(), List.of()));
            authors.put(a.slug(), taxonomy.createAuthor(new AuthorDraft(a.slug(), localized(a.names()),
                    localized(a.bios()), localized(profile.jobTitles()), null, profile.links(), null)));
        });
        for (var page : site.pages()) {
            var settings = new PageSettings(page.inFooter(), PagePurpose.fromKey(page.purpose()).orElse(PagePurpose.NONE));
            Long id = null;
            for (var language : Language.all()) {
                var version = page.versions().get(language.code());
                if (version == null) {
                    continue;
                }
                var draft = new PageDraft(language, version.slug(), version.title(), version.summary(), "", "",
                        blocks(version.body(), Map.of()), true);
                if (id == null) {
                    id = pages.create(settings, draft, EDITOR);
                } else {
                    pages.save(id, draft, EDITOR);
                }
            }
        }

        var demoStories = new ArrayList<DemoFiles.Story>();
        for (var resource : resources("classpath:demo/stories/*.json")) {
            demoStories.addAll(Arrays.asList(read(resource, DemoFiles.Story[].class)));
        }
        // oldest first, so that ids grow with publication time as they would in a real newsroom
        demoStories.sort(Comparator.comparingInt(DemoFiles.Story::publishedHoursAgo).reversed());

        // drawing and encoding the pictures is most of the seeding time: use every core for it
        var images = demoStories.parallelStream()
                .map(story -> media.prepare(DemoImages.draw(story.image().motif(), story.section(), story.key())))
                .toList();
        var ids = new HashMap<String, Long>();
        for (int i = 0; i < demoStories.size(); i++) {
            var story = demoStories.get(i);
            var image = media.store(images.get(i));
            ids.put(story.key(), stories.create(new NewStory(required(sections, story.section()), Language.UK,
                    story.authors().stream().map(a -> required(authors, a)).toList(),
                    story.tags().stream().map(t -> required(tags, t)).toList(), image.id())));
        }
        var now = clock.instant();
        for (var story : demoStories) {
            long id = ids.get(story.key());
            for (var language : Language.all()) {
                var version = story.versions().get(language.code());
                var text = story.image().texts().get(language.code());
                stories.save(new SaveVersion(id, language, 0, version.headline(), version.standfirst(), "", "",
                        text.caption(), text.credit(), text.alt(), blocks(version.body(), ids), EDITOR));
            }
            // a few minutes' offset from the key, so that stories of the same hour do not share a minute
            var minutes = Duration.ofMinutes(Math.floorMod(story.key().hashCode(), 50));
            stories.publish(id, now.minus(Duration.ofHours(story.publishedHoursAgo())).minus(minutes));
            if (story.updatedHoursAgo() != null) {
                stories.publish(id, now.minus(Duration.ofHours(story.updatedHoursAgo())).minus(minutes.dividedBy(2)));
            }
            if (story.live() != null) {
                live(id, story, now);
            }
        }
        return demoStories.size();
    }

    /**
     * A live blog opened when the story was published, with its entries oldest first; each entry is written in one
     * language (Ukrainian unless it says otherwise) and translated into the other two.
     */
    private void live(long id, DemoFiles.Story story, java.time.Instant now) {
        liveBlogs.setState(id, LiveBlog.State.LIVE, true);
        var entries = new ArrayList<>(story.live().entries());
        entries.sort(Comparator.comparingInt(DemoFiles.LiveEntry::minutesAgo).reversed());
        for (var entry : entries) {
            var source = Language.fromCode(entry.language() == null ? Language.UK.code() : entry.language()).orElseThrow();
            var text = entry.texts().get(source.code());
            var posted = liveBlogs.post(id, new LiveEntry.Draft(source, entry.author(), text.headline(),
                    blocks(text.body(), Map.of()), entry.keyEvent()), EDITOR,
                    now.minus(Duration.ofMinutes(entry.minutesAgo())));
            for (var language : Language.all()) {
                var translation = entry.texts().get(language.code());
                if (language != source && translation != null) {
                    liveBlogs.translate(id, posted.entry().id(), new LiveEntry.TranslationDraft(language,
                            translation.headline(), blocks(translation.body(), Map.of())), EDITOR);
                }
            }
        }
    }

    /** Block ids are positional, so the same block has the same id in the three translations. */
    private static List<Block> blocks(List<JsonNode> body, Map<String, Long> storyIds) {
        var blocks = new ArrayList<Block>(body.size());
        for (int i = 0; i < body.size(); i++) {
            var node = body.get(i);
            var id = "b" + (i + 1);
            blocks.add(switch (node.get("type").asString()) {
                case "paragraph" -> new Block.Paragraph(id, rich(node.get("text").asString(), storyIds));
                case "subheading" -> new Block.Subheading(id, rich(node.get("text").asString(), storyIds));
                case "quote" -> new Block.Quote(id, rich(node.get("text").asString(), storyIds),
                        node.get("speaker").asString(), node.path("role").asString(""));
                case "list" -> new Block.BulletList(id, node.path("ordered").asBoolean(false),
                        node.get("items").valueStream().map(item -> rich(item.asString(), storyIds)).toList());
                case "readAlso" -> new Block.ReadAlso(id, required(storyIds, node.get("story").asString()));
                default -> throw new IllegalArgumentException("Unknown demo block type " + node.get("type"));
            });
        }
        return blocks;
    }

    /** Demo texts are written in the newsroom's markup; {@code story:KEY} links to the demo story KEY. */
    private static RichText rich(String markup, Map<String, Long> storyIds) {
        var matcher = STORY_KEY.matcher(markup);
        var resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, "(story:" + required(storyIds, matcher.group(1)) + ")");
        }
        matcher.appendTail(resolved);
        return InlineMarkup.parse(resolved.toString());
    }

    private static Localized localized(Map<String, String> texts) {
        return new Localized(texts.getOrDefault("uk", ""), texts.getOrDefault("en", ""), texts.getOrDefault("ru", ""));
    }

    private static long required(Map<String, Long> ids, String key) {
        var id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("The demo content refers to unknown '" + key + "'");
        }
        return id;
    }

    private <T> T read(String location, Class<T> type) {
        return read(new PathMatchingResourcePatternResolver().getResource(location), type);
    }

    private <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo file " + resource, e);
        }
    }

    private static List<Resource> resources(String pattern) {
        try {
            var found = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return List.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list demo files " + pattern, e);
        }
    }
}
