package org.masthead.distribution.feeds;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LeadImage;
import org.masthead.content.PublishedStory;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.distribution.DistributionProperties;
import org.masthead.media.MediaAsset;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.text.XmlText;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.CurrentLayout;
import org.masthead.site.FeedFormat;
import org.masthead.site.PublicUrls;
import org.masthead.site.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the RSS 2.0 and Atom 1.0 documents of one list of stories with ROME's feed models, written so
 * that the W3C Feed Validator finds nothing to report: one date per item ({@code pubDate} in RSS,
 * {@code published} and {@code updated} in Atom) and no Dublin Core twin of a core element, the byline
 * of each item ({@code dc:creator} in RSS, {@code author} in Atom; an Atom entry without authors takes
 * the feed's), the lead image as an enclosure and as Media RSS with its dimensions, caption and credit,
 * {@code atom:link rel="self"} and, when configured, the WebSub hub.
 *
 * <p>Text: every RSS field a reader may render as HTML carries the stored text HTML-escaped, so it can
 * never become markup; Atom text constructs are {@code type="text"}. What XML 1.0 cannot carry is dropped
 * by {@link FeedXml} as the document is written.
 */
@Component
class StoryFeeds {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** What readers and the validator take for HTML in a text: an end tag. */
    private static final java.util.regex.Pattern END_TAG = java.util.regex.Pattern.compile("</\\w+>");

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

    /** The stories of {@code list}, newest first, as a feed document; also the cache keys of what it shows. */
    Rendered render(FeedList list, FeedFormat format, boolean full) {
        var language = list.filter().language();
        var cards = stories.list(list.filter(), 0, properties.feedSize()).stories();
        var items = stories.published(cards.stream().map(StoryCard::id).toList(), language);
        var images = media.find(items.stream().map(PublishedStory::leadImage).filter(Objects::nonNull)
                .map(LeadImage::mediaId).collect(Collectors.toSet()));
        var feed = new Parts(list, format, full, language, images);
        var xml = format == FeedFormat.RSS ? FeedXml.write(feed.rss(items), document -> { })
                : FeedXml.write(feed.atom(items), document -> exactDates(document, items));
        var keys = new java.util.LinkedHashSet<String>();
        for (var story : items) {
            // an item names its story, section, tags and authors: a change to any of them changes the feed
            keys.add(SurrogateKeys.story(story.id()));
            keys.add(SurrogateKeys.section(story.section().id()));
            story.tags().forEach(tag -> keys.add(SurrogateKeys.tag(tag.id())));
            story.authors().forEach(author -> keys.add(SurrogateKeys.author(author.id())));
        }
        return new Rendered(xml, List.copyOf(keys));
    }

    /**
     * Atom dates to the millisecond (ROME writes whole seconds), and no two entries with the same
     * {@code updated}, which the validator reports and which readers use to tell entries' changes apart:
     * stories published together (a scheduled batch, an import) have the same instant, so each later entry
     * that meets a taken one is written a millisecond earlier.
     */
    private static void exactDates(org.jdom2.Document document, List<PublishedStory> items) {
        var atom = org.jdom2.Namespace.getNamespace(ATOM_NS);
        var root = document.getRootElement();
        var updated = root.getChild("updated", atom);
        if (updated != null) {
            updated.setText(DateTimeFormatter.ISO_INSTANT.format(newest(items)));
        }
        var entries = root.getChildren("entry", atom);
        var taken = new java.util.HashSet<Instant>();
        for (int i = 0; i < entries.size() && i < items.size(); i++) {
            var entry = entries.get(i);
            var story = items.get(i);
            // a version published again at an earlier instant (a schedule that fell due while down) is never
            // shown as changed before it first went out
            var last = story.updatedAt().isBefore(story.publishedAt()) ? story.publishedAt() : story.updatedAt();
            var changed = last.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            while (!taken.add(changed)) {
                changed = changed.minusMillis(1);
            }
            entry.getChild("updated", atom).setText(DateTimeFormatter.ISO_INSTANT.format(changed));
            entry.getChild("published", atom).setText(DateTimeFormatter.ISO_INSTANT.format(
                    story.publishedAt().isAfter(changed) ? changed : story.publishedAt()));
        }
    }

    /** The feed document and the cache keys of what it shows. */
    record Rendered(String xml, List<String> keys) {
    }

    /** The address of a feed, as it names itself in {@code rel="self"}. */
    String self(FeedList list, FeedFormat format, boolean full) {
        return urls.absolute(urls.feed(list.path(), format, full));
    }

    /**
     * A {@code tag:} URI (RFC 4151) naming one language version of a story: it depends on nothing that
     * can change (not the headline, slug or section), so a feed reader never shows the story twice.
     */
    String itemId(long storyId, Language language) {
        return "tag:" + idAuthority + "," + properties.feedIdDate() + ":story:" + storyId + ":" + language.code();
    }

    /** The parts shared by both formats of one feed. */
    private final class Parts {

        private final FeedList list;
        private final FeedFormat format;
        private final boolean full;
        private final Language language;
        private final Map<Long, MediaAsset> images;

        Parts(FeedList list, FeedFormat format, boolean full, Language language, Map<Long, MediaAsset> images) {
            this.list = list;
            this.format = format;
            this.full = full;
            this.language = language;
            this.images = images;
        }

        Channel rss(List<PublishedStory> items) {
            var channel = new Channel("rss_2.0");
            channel.setEncoding("UTF-8");
            channel.setTitle(html(list.title()));
            channel.setLink(urls.absolute(list.path()));
            channel.setDescription(html(list.description()));
            channel.setLanguage(language.code());
            channel.setCopyright(html(copyright()));
            var editor = properties.managingEditor();
            if (!editor.isBlank()) {
                channel.setManagingEditor(editor);
            }
            channel.setGenerator("Masthead");
            channel.setLastBuildDate(Date.from(newest(items)));
            channel.setModules(new ArrayList<>(List.of(atomLinks())));
            channel.setItems(items.stream().map(this::item).toList());
            return channel;
        }

        Feed atom(List<PublishedStory> items) {
            var feed = new Feed("atom_1.0");
            feed.setEncoding("UTF-8");
            feed.setLanguage(language.code());
            feed.setId(feedId());
            feed.setTitleEx(text(list.title()));
            feed.setSubtitle(text(list.description()));
            feed.setUpdated(Date.from(newest(items)));
            var links = new ArrayList<Link>();
            links.add(link(self(list, format, full), "self", format.mediaType()));
            hub().ifPresent(hub -> links.add(link(hub, "hub", null)));
            feed.setOtherLinks(links);
            feed.setAlternateLinks(List.of(link(urls.absolute(list.path()), "alternate", "text/html")));
            // entries without a byline take this author, as RFC 4287 says
            feed.setAuthors(List.of(person(siteName(), urls.absolute(urls.home(language)))));
            feed.setRights(XmlText.clean(copyright()));
            var generator = new Generator();
            generator.setValue("Masthead");
            feed.setGenerator(generator);
            feed.setEntries(items.stream().map(this::entry).toList());
            return feed;
        }

        private Item item(PublishedStory story) {
            var item = new Item();
            item.setTitle(html(story.headline()));
            item.setLink(urls.absolute(urls.story(story.card())));
            var guid = new Guid();
            guid.setPermaLink(false);
            guid.setValue(itemId(story.id(), language));
            item.setGuid(guid);
            item.setPubDate(Date.from(story.publishedAt()));
            var description = new Description();
            description.setType("text/html");
            description.setValue(html(story.standfirst()));
            item.setDescription(description);
            if (full) {
                var content = new com.rometools.rome.feed.rss.Content();
                content.setType(com.rometools.rome.feed.rss.Content.HTML);
                content.setValue(XmlText.clean(fullText.html(story)));
                item.setContent(content);
            }
            var categories = new ArrayList<Category>();
            categories.add(category(html(story.section().name().in(language)),
                    urls.absolute(urls.section(language, story.section()))));
            story.tags().forEach(t -> categories.add(category(html(t.name().in(language)),
                    urls.absolute(urls.tag(language, t)))));
            item.setCategories(categories);
            var modules = new ArrayList<Module>();
            if (!story.authors().isEmpty()) {
                var byline = new DCModuleImpl();
                byline.setCreators(story.authors().stream().map(a -> html(a.name().in(language))).toList());
                modules.add(byline);
            }
            image(story).ifPresent(image -> {
                var enclosure = new Enclosure();
                enclosure.setUrl(image.url());
                enclosure.setType(image.asset().contentType());
                enclosure.setLength(image.length());
                item.setEnclosures(List.of(enclosure));
                modules.add(mediaRss(image));
            });
            item.setModules(modules);
            return item;
        }

        private Entry entry(PublishedStory story) {
            var entry = new Entry();
            entry.setId(itemId(story.id(), language));
            entry.setTitleEx(text(story.headline()));
            entry.setAlternateLinks(List.of(link(urls.absolute(urls.story(story.card())), "alternate", "text/html")));
            entry.setPublished(Date.from(story.publishedAt()));
            entry.setUpdated(Date.from(story.updatedAt()));
            entry.setSummary(text(story.standfirst()));
            if (full) {
                var content = new Content();
                content.setType(Content.HTML);
                content.setValue(XmlText.clean(fullText.html(story)));
                entry.setContents(List.of(content));
            }
            entry.setAuthors(story.authors().stream()
                    .map(a -> (SyndPerson) person(a.name().in(language), urls.absolute(urls.author(language, a))))
                    .toList());
            var categories = new ArrayList<com.rometools.rome.feed.atom.Category>();
            categories.add(atomCategory(story.section().slug(), story.section().name().in(language),
                    urls.absolute(urls.section(language, story.section()))));
            story.tags().forEach(t -> categories.add(atomCategory(t.slug(), t.name().in(language),
                    urls.absolute(urls.tag(language, t)))));
            entry.setCategories(categories);
            var modules = new ArrayList<Module>();
            image(story).ifPresent(image -> {
                var enclosure = link(image.url(), "enclosure", image.asset().contentType());
                enclosure.setLength(image.length());
                entry.setOtherLinks(List.of(enclosure));
                modules.add(mediaRss(image));
            });
            entry.setModules(modules);
            return entry;
        }

        /** {@code atom:link} elements of an RSS channel: the feed's own address and the WebSub hub. */
        private Module atomLinks() {
            var module = new AtomLinkModuleImpl();
            var links = new ArrayList<Link>();
            links.add(link(self(list, format, full), "self", format.mediaType()));
            hub().ifPresent(hub -> links.add(link(hub, "hub", null)));
            module.setLinks(links);
            return module;
        }

        private java.util.Optional<String> hub() {
            return properties.websub().hub().isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(properties.websub().hub());
        }

        private String feedId() {
            return "tag:" + idAuthority + "," + properties.feedIdDate() + ":feed:" + list.path()
                    + format.fileName(full).replace(".xml", "");
        }

        /** The lead image as Media RSS: its address, type, size in pixels and bytes, caption and credit. */
        private Module mediaRss(Image image) {
            var content = new MediaContent(new UrlReference(URI.create(image.url())));
            content.setType(image.asset().contentType());
            content.setMedium("image");
            content.setWidth(image.width());
            content.setHeight(image.height());
            content.setFileSize(image.length());
            var metadata = new Metadata();
            var lead = image.lead();
            if (!lead.caption().isBlank()) {
                metadata.setDescription(html(lead.caption()));
                metadata.setDescriptionType("html");
            }
            if (!lead.credit().isBlank()) {
                metadata.setCredits(new Credit[] {new Credit(null, null, html(lead.credit()))});
            }
            content.setMetadata(metadata);
            var module = new MediaEntryModuleImpl();
            module.setMediaContents(new MediaContent[] {content});
            return module;
        }

        private java.util.Optional<Image> image(PublishedStory story) {
            var lead = story.leadImage();
            var asset = lead == null ? null : images.get(lead.mediaId());
            if (asset == null || asset.variants().isEmpty()) {
                return java.util.Optional.empty();
            }
            var variant = asset.atLeast(FullText.IMAGE_WIDTH);
            return media.image(asset.id(), variant.width()).map(file -> new Image(lead, asset,
                    urls.absolute(urls.media(asset.id(), variant.width())), variant.width(), variant.height(),
                    file.length()));
        }

        private String copyright() {
            return "© " + siteName();
        }

        private String siteName() {
            return publication.publication().name(language);
        }
    }

    /** A lead image as a feed item carries it. */
    private record Image(LeadImage lead, MediaAsset asset, String url, int width, int height, long length) {
    }

    private static Instant newest(List<PublishedStory> items) {
        return items.stream().map(PublishedStory::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /**
     * Stored text for an RSS field that readers may render as HTML (title, description, category,
     * byline): HTML-escaped, so that {@code <svg onload=…>} in a headline is shown, never run.
     */
    static String html(String text) {
        return HtmlUtils.htmlEscape(XmlText.clean(text), "UTF-8");
    }

    /**
     * An Atom text construct of type text: readers show it as it is, markup characters included. Text that
     * holds what looks like an HTML end tag ({@code </script>}) is sent as type html, escaped, instead: it
     * reads the same, and neither the validator nor a reader that guesses can mistake it for markup.
     */
    private static Content text(String value) {
        var content = new Content();
        var clean = XmlText.clean(value);
        if (END_TAG.matcher(clean).find()) {
            content.setType(Content.HTML);
            content.setValue(HtmlUtils.htmlEscape(clean, "UTF-8"));
        } else {
            content.setType(Content.TEXT);
            content.setValue(clean);
        }
        return content;
    }


    private static Category category(String name, String domain) {
        var category = new Category();
        category.setValue(name);
        category.setDomain(domain);
        return category;
    }

    private static com.rometools.rome.feed.atom.Category atomCategory(String term, String label, String scheme) {
        var category = new com.rometools.rome.feed.atom.Category();
        category.setTerm(term);
        category.setLabel(XmlText.clean(label));
        category.setScheme(scheme);
        return category;
    }

    private static Link link(String href, String rel, @Nullable String type) {
        var link = new Link();
        link.setHref(href);
        link.setRel(rel);
        if (type != null) {
            link.setType(type);
        }
        return link;
    }

    private static Person person(String name, String uri) {
        var person = new Person();
        person.setName(XmlText.clean(name));
        person.setUri(uri);
        return person;
    }

}
