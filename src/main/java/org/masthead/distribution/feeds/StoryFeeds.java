package org.masthead.distribution.feeds;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.masthead.content.LeadImage;
import org.masthead.content.PublishedStory;
import org.masthead.content.StoryCard;
import org.masthead.content.Stories;
import org.masthead.distribution.DistributionProperties;
import org.masthead.media.MediaAsset;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.site.FeedFormat;
import org.masthead.site.PublicUrls;
import org.masthead.site.CurrentLayout;
import org.masthead.site.SiteProperties;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.stereotype.Component;

/** Builds the RSS 2.0 and Atom 1.0 documents of one list of stories with ROME. */
@Component
class StoryFeeds {

    private final Stories stories;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final FullText fullText;
    private final DistributionProperties properties;
    private final CurrentLayout publication;
    private final String idAuthority;

    StoryFeeds(Stories stories, MediaLibrary media, PublicUrls urls, FullText fullText,
            DistributionProperties properties, SiteProperties site, CurrentLayout publication) {
        this.stories = stories;
        this.media = media;
        this.urls = urls;
        this.fullText = fullText;
        this.properties = properties;
        this.publication = publication;
        this.idAuthority = properties.feedIdAuthority().isBlank()
                ? Objects.requireNonNullElse(site.baseUrl().getHost(), "localhost")
                : properties.feedIdAuthority();
    }

    /** The stories of {@code list}, newest first, as a feed document; also the ids of the stories in it. */
    Rendered render(FeedList list, FeedFormat format, boolean full) {
        var language = list.filter().language();
        var cards = stories.list(list.filter(), 0, properties.feedSize()).stories();
        var items = stories.published(cards.stream().map(StoryCard::id).toList(), language);
        var images = media.find(items.stream().map(PublishedStory::leadImage).filter(Objects::nonNull)
                .map(LeadImage::mediaId).collect(java.util.stream.Collectors.toSet()));
        var feed = new SyndFeedImpl();
        feed.setFeedType(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setTitle(list.title());
        feed.setDescription(list.description());
        feed.setLanguage(language.code());
        feed.setLink(urls.absolute(list.path()));
        var self = urls.absolute(urls.feed(list.path(), format, full));
        feed.setUri(self);
        feed.setLinks(List.of(link(self, "self", format.mediaType()), link(urls.absolute(list.path()), "alternate",
                "text/html")));
        var siteName = publication.publication().name(language);
        feed.setAuthors(List.of(person(siteName, urls.absolute(urls.home(language)))));
        feed.setCopyright(siteName);
        feed.setGenerator("Masthead");
        var newest = items.stream().map(PublishedStory::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        feed.setPublishedDate(Date.from(newest));
        feed.setEntries(items.stream().map(story -> entry(story, full, images, siteName)).toList());
        var keys = new java.util.LinkedHashSet<String>();
        for (var story : items) {
            // an item names its story, section, tags and authors: a change to any of them changes the feed
            keys.add(SurrogateKeys.story(story.id()));
            keys.add(SurrogateKeys.section(story.section().id()));
            story.tags().forEach(tag -> keys.add(SurrogateKeys.tag(tag.id())));
            story.authors().forEach(author -> keys.add(SurrogateKeys.author(author.id())));
        }
        try {
            return new Rendered(new SyndFeedOutput().outputString(feed), List.copyOf(keys));
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the feed of " + list.path(), e);
        }
    }

    /** The feed document and the cache keys of what it shows. */
    record Rendered(String xml, List<String> keys) {
    }

    private SyndEntry entry(PublishedStory story, boolean full, Map<Long, MediaAsset> images, String siteName) {
        var language = story.language();
        var entry = new SyndEntryImpl();
        entry.setTitle(story.headline());
        entry.setLink(urls.absolute(urls.story(story.card())));
        entry.setUri(itemId(story.id(), language));
        entry.setPublishedDate(Date.from(story.publishedAt()));
        entry.setUpdatedDate(Date.from(story.updatedAt()));
        var summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(story.standfirst());
        entry.setDescription(summary);
        if (full) {
            var content = new SyndContentImpl();
            content.setType("html");
            content.setValue(fullText.html(story));
            entry.setContents(List.of(content));
        }
        var authors = new ArrayList<SyndPerson>();
        story.authors().forEach(a -> authors.add(person(a.name().in(language), urls.absolute(urls.author(language, a)))));
        if (authors.isEmpty()) {
            authors.add(person(siteName, urls.absolute(urls.home(language))));
        }
        entry.setAuthors(authors);
        var categories = new ArrayList<com.rometools.rome.feed.synd.SyndCategory>();
        var section = new SyndCategoryImpl();
        section.setName(story.section().name().in(language));
        section.setTaxonomyUri(urls.absolute(urls.section(language, story.section())));
        categories.add(section);
        story.tags().forEach(t -> {
            var tag = new SyndCategoryImpl();
            tag.setName(t.name().in(language));
            tag.setTaxonomyUri(urls.absolute(urls.tag(language, t)));
            categories.add(tag);
        });
        entry.setCategories(categories);
        var lead = story.leadImage();
        var asset = lead == null ? null : images.get(lead.mediaId());
        if (asset != null && !asset.variants().isEmpty()) {
            var variant = asset.atLeast(FullText.IMAGE_WIDTH);
            media.file(asset.id(), variant.width()).ifPresent(file -> {
                var enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(urls.absolute(urls.media(asset.id(), variant.width())));
                enclosure.setType(asset.contentType());
                enclosure.setLength(size(file));
                entry.setEnclosures(List.of(enclosure));
            });
        }
        return entry;
    }

    /**
     * A {@code tag:} URI (RFC 4151) naming one language version of a story: it depends on nothing that
     * can change (not the headline, slug or section), so a feed reader never shows the story twice.
     */
    String itemId(long storyId, Language language) {
        return "tag:" + idAuthority + "," + properties.feedIdDate() + ":story:" + storyId + ":" + language.code();
    }

    private static SyndLinkImpl link(String href, String rel, String type) {
        var link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        var person = new SyndPersonImpl();
        person.setName(name);
        person.setUri(uri);
        return person;
    }

    private static long size(java.nio.file.Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
