package org.masthead.site.seo;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.PublishedStory;
import org.masthead.content.Stories;
import org.masthead.media.Crop;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.masthead.platform.web.ReadModel;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.CurrentLayout;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a story page tells search engines and link previews: a schema.org {@code NewsArticle} with its
 * {@code BreadcrumbList} as JSON-LD, Open Graph tags and Twitter card tags.
 */
@Component
public class StoryMetadata {

    /** Width of the images offered to search engines and link previews (they ask for at least 1,200). */
    static final int IMAGE_WIDTH = 1200;

    private final Stories stories;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final CurrentLayout publication;
    private final Publisher publisher;
    private final JsonMapper json;
    private final ReadModel model;
    private final LiveBlogs liveBlogs;
    /** How many of a live blog's newest entries its structured data names. */
    static final int LIVE_UPDATES = 10;

    private record SourceKey(long storyId) {
    }

    StoryMetadata(Stories stories, MediaLibrary media, PublicUrls urls, CurrentLayout publication,
            Publisher publisher, JsonMapper json, ReadModel model, LiveBlogs liveBlogs) {
        this.model = model;
        this.liveBlogs = liveBlogs;
        this.stories = stories;
        this.media = media;
        this.urls = urls;
        this.publication = publication;
        this.publisher = publisher;
        this.json = json;
    }

    /** The JSON-LD text (safe inside a script element) and the meta tags of a story page. */
    public record Tags(String jsonLd, List<Meta> openGraph, List<Meta> twitter) {
    }

    /** One {@code <meta>}: its property (Open Graph) or name (Twitter) and its content. */
    public record Meta(String key, String content) {
    }

    private record Picture(String url, int width, int height, Crop crop) {
    }

    public Tags of(PublishedStory story) {
        return of(story, null);
    }

    /**
     * As {@link #of(PublishedStory)}; a live blog is a {@code LiveBlogPosting} with the time its coverage started
     * (and ended) and its newest entries as {@code liveBlogUpdate}, as search engines document for live coverage.
     */
    public Tags of(PublishedStory story, @Nullable LiveBlog blog) {
        var language = story.language();
        var dates = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(publication.publication().timeZone());
        var organization = publisher.organization(language);
        var url = urls.absolute(urls.story(story.card()));
        var versions = new LinkedHashMap<Language, String>();
        story.liveSlugs().forEach((l, slug) -> versions.put(l,
                urls.absolute(urls.story(l, story.section().slug(), slug, story.id()))));
        var pictures = pictures(story);
        var lead = story.leadImage();

        var article = new LinkedHashMap<String, Object>();
        article.put("@type", blog == null ? "NewsArticle" : "LiveBlogPosting");
        article.put("@id", url + "#article");
        article.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        article.put("url", url);
        article.put("headline", story.headline());
        article.put("description", description(story));
        if (!pictures.isEmpty()) {
            article.put("image", pictures.stream().map(p -> {
                var image = new LinkedHashMap<String, Object>();
                image.put("@type", "ImageObject");
                image.put("url", p.url());
                image.put("width", p.width());
                image.put("height", p.height());
                if (lead != null && !lead.caption().isBlank()) {
                    image.put("caption", lead.caption());
                }
                if (lead != null && !lead.credit().isBlank()) {
                    image.put("creditText", lead.credit());
                    image.put("copyrightNotice", lead.credit());
                }
                return image;
            }).toList());
        }
        article.put("datePublished", dates.format(story.publishedAt()));
        article.put("dateModified", dates.format(story.updatedAt()));
        article.put("author", story.authors().isEmpty()
                ? List.of(organization)
                : story.authors().stream().map(a -> person(a, language)).toList());
        article.put("publisher", organization);
        article.put("inLanguage", language.code());
        article.put("isAccessibleForFree", true);
        article.put("articleSection", story.section().name().in(language));
        if (!story.tags().isEmpty()) {
            article.put("keywords", story.tags().stream().map(t -> t.name().in(language)).toList());
        }
        if (!story.notes().isEmpty()) {
            // corrections and updates alike: each is a dated comment on what changed in the story
            article.put("correction", story.notes().stream().map(note -> Map.of("@type", "CorrectionComment",
                    "text", note.text(), "datePublished", dates.format(note.createdAt()))).toList());
        }
        translations(story, versions, article);
        if (blog != null) {
            article.put("coverageStartTime", dates.format(blog.startedAt()));
            if (blog.endedAt() != null) {
                article.put("coverageEndTime", dates.format(blog.endedAt()));
            }
            var shown = blog.showUntranslated() ? null : language;
            article.put("liveBlogUpdate", liveBlogs.entries(story.id(), shown, null, LIVE_UPDATES).entries().stream()
                    .filter(entry -> !entry.withdrawn())
                    .map(entry -> {
                        var update = new LinkedHashMap<String, Object>();
                        update.put("@type", "BlogPosting");
                        update.put("@id", url + "#entry-" + entry.id());
                        update.put("url", url + "#entry-" + entry.id());
                        var reading = entry.in(language);
                        var text = plainText(reading.body());
                        update.put("headline", reading.headline().isBlank() ? headline(text) : reading.headline());
                        update.put("datePublished", dates.format(entry.postedAt()));
                        if (entry.correctedAt() != null) {
                            update.put("dateModified", dates.format(entry.correctedAt()));
                        }
                        update.put("author", Map.of("@type", "Person", "name", entry.author()));
                        update.put("articleBody", text);
                        update.put("inLanguage", reading.language().code());
                        if (reading.standing() == org.masthead.content.LiveEntry.Standing.TRANSLATED
                                || reading.standing() == org.masthead.content.LiveEntry.Standing.OUTDATED) {
                            update.put("translationOfWork", Map.of("@type", "BlogPosting", "inLanguage",
                                    entry.language().code()));
                        }
                        return update;
                    }).toList());
        }
        if (organization.get("publishingPrinciples") != null) {
            article.put("publishingPrinciples", organization.get("publishingPrinciples"));
        }

        var breadcrumbs = new LinkedHashMap<String, Object>();
        breadcrumbs.put("@type", "BreadcrumbList");
        breadcrumbs.put("itemListElement", List.of(
                crumb(1, publication.publication().name(language), urls.absolute(urls.home(language))),
                crumb(2, story.section().name().in(language), urls.absolute(urls.section(language, story.section()))),
                crumb(3, story.headline(), url)));

        var graph = new LinkedHashMap<String, Object>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(article, breadcrumbs));
        return new Tags(JsonLd.forScriptElement(json.writeValueAsString(graph)),
                openGraph(story, url, versions.keySet(), pictures, dates), twitter(story, pictures));
    }

    /**
     * The version in the story's source language is the work; the others are its translations:
     * the original names them as {@code workTranslation}, each translation names the original as
     * {@code translationOfWork}.
     */
    private void translations(PublishedStory story, Map<Language, String> versions, Map<String, Object> article) {
        var source = model.get(new SourceKey(story.id()), () -> stories.sourceLanguage(story.id()),
                language -> ReadModel.Tags.of(null, java.util.Set.of(SurrogateKeys.story(story.id()))));
        if (story.language() == source) {
            var translations = versions.entrySet().stream().filter(v -> v.getKey() != source)
                    .map(v -> Map.of("@type", "NewsArticle", "@id", v.getValue() + "#article", "url", v.getValue(),
                            "inLanguage", v.getKey().code()))
                    .toList();
            if (!translations.isEmpty()) {
                article.put("workTranslation", translations);
            }
        } else if (versions.containsKey(source)) {
            var original = versions.get(source);
            article.put("translationOfWork", Map.of("@type", "NewsArticle", "@id", original + "#article",
                    "url", original, "inLanguage", source.code()));
        }
    }

    /** A byline as structured data: the author's name, page, job title and other profiles. */
    private Map<String, Object> person(org.masthead.content.Author author, Language language) {
        var person = new LinkedHashMap<String, Object>();
        person.put("@type", "Person");
        person.put("name", author.name().in(language));
        person.put("url", urls.absolute(urls.author(language, author)));
        if (!author.jobTitle().in(language).isBlank()) {
            person.put("jobTitle", author.jobTitle().in(language));
        }
        if (!author.links().isEmpty()) {
            person.put("sameAs", author.links());
        }
        return person;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", url);
    }

    private List<Picture> pictures(PublishedStory story) {
        var lead = story.leadImage();
        if (lead == null) {
            return List.of();
        }
        var asset = media.find(lead.mediaId()).orElse(null);
        if (asset == null) {
            return List.of();
        }
        var pictures = new ArrayList<Picture>();
        for (var crop : Crop.values()) {
            int width = media.cropWidth(asset, crop, IMAGE_WIDTH);
            pictures.add(new Picture(urls.absolute(urls.media(asset.id(), crop.urlName(), width)), width,
                    crop.heightFor(width), crop));
        }
        return pictures;
    }

    private List<Meta> openGraph(PublishedStory story, String url, java.util.Set<Language> live,
            List<Picture> pictures, DateTimeFormatter dates) {
        var language = story.language();
        var tags = new ArrayList<Meta>();
        tags.add(new Meta("og:type", "article"));
        tags.add(new Meta("og:site_name", publication.publication().name(language)));
        tags.add(new Meta("og:title", story.headline()));
        tags.add(new Meta("og:description", description(story)));
        tags.add(new Meta("og:url", url));
        tags.add(new Meta("og:locale", locale(language)));
        live.stream().filter(l -> l != language).forEach(l -> tags.add(new Meta("og:locale:alternate", locale(l))));
        wide(pictures).ifPresent(p -> {
            tags.add(new Meta("og:image", p.url()));
            tags.add(new Meta("og:image:width", Integer.toString(p.width())));
            tags.add(new Meta("og:image:height", Integer.toString(p.height())));
            tags.add(new Meta("og:image:alt", altOf(story)));
        });
        tags.add(new Meta("article:published_time", dates.format(story.publishedAt())));
        tags.add(new Meta("article:modified_time", dates.format(story.updatedAt())));
        tags.add(new Meta("article:section", story.section().name().in(language)));
        story.authors().forEach(a -> tags.add(new Meta("article:author", urls.absolute(urls.author(language, a)))));
        story.tags().forEach(t -> tags.add(new Meta("article:tag", t.name().in(language))));
        return tags;
    }

    private List<Meta> twitter(PublishedStory story, List<Picture> pictures) {
        var tags = new ArrayList<Meta>();
        var wide = wide(pictures);
        tags.add(new Meta("twitter:card", wide.isPresent() ? "summary_large_image" : "summary"));
        var twitterSite = publisher.twitterSite();
        if (!twitterSite.isBlank()) {
            tags.add(new Meta("twitter:site", twitterSite));
        }
        tags.add(new Meta("twitter:title", story.headline()));
        tags.add(new Meta("twitter:description", description(story)));
        wide.ifPresent(p -> {
            tags.add(new Meta("twitter:image", p.url()));
            tags.add(new Meta("twitter:image:alt", altOf(story)));
        });
        return tags;
    }

    private static java.util.Optional<Picture> wide(List<Picture> pictures) {
        return pictures.stream().filter(p -> p.crop() == Crop.WIDE).findFirst();
    }

    private static String altOf(PublishedStory story) {
        var lead = story.leadImage();
        return lead == null || lead.alt().isBlank() ? story.headline() : lead.alt();
    }

    private static String description(PublishedStory story) {
        return story.seoDescription().isBlank() ? story.standfirst() : story.seoDescription();
    }

    /** Facebook's locale names: language and country. */
    static String locale(Language language) {
        return switch (language) {
            case UK -> "uk_UA";
            case EN -> "en_US";
            case RU -> "ru_RU";
        };
    }

    public static String plainText(List<org.masthead.content.Block> body) {
        return org.masthead.content.BodyText.plain(body);
    }

    /** The start of a body's text, for an entry without a headline. */
    public static String plainTextStart(List<org.masthead.content.Block> body) {
        return headline(plainText(body));
    }

    /** An entry without a headline is named by the start of its text. */
    private static String headline(String text) {
        var line = text.lines().findFirst().orElse("").strip();
        return line.length() <= 110 ? line : line.substring(0, line.lastIndexOf(' ', 108) > 40 ? line.lastIndexOf(' ', 108) : 108) + "…";
    }
}
