package org.masthead.site.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.LeadImage;
import org.masthead.content.PublishedStory;
import org.masthead.content.StoryCard;
import org.masthead.site.ReaderData;
import org.masthead.content.Publication;
import org.masthead.media.MediaAsset;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;
import org.masthead.site.InlineHtml;
import org.masthead.site.PublicUrls;
import org.masthead.site.CurrentLayout;
import org.masthead.site.StoryLinks;
import org.masthead.site.web.PageParts.Alternate;
import org.masthead.site.web.PageParts.Card;
import org.masthead.site.web.PageParts.Chrome;
import org.masthead.site.web.PageParts.LanguageLink;
import org.masthead.site.web.PageParts.Link;
import org.masthead.site.web.PageParts.Picture;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.masthead.platform.web.SurrogateKeys;

/** Turns content into page records: the one place that decides what a reader page holds. */
@Component
class SitePages {

    /** Image widths the layout shows, for the sizes attribute of srcset. */
    static final String LEAD_SIZES = "(min-width: 60rem) 44rem, 100vw";
    static final String CARD_SIZES = "(min-width: 60rem) 18rem, (min-width: 40rem) 45vw, 100vw";

    private final ReaderData reads;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final CurrentLayout publication;
    private final MessageSource messageSource;
    private final ResourceUrlProvider resources;
    private final Map<ZoneId, NewsDates> dates = new ConcurrentHashMap<>();
    private final StoryLinks links;
    private final Clock clock;

    SitePages(ReaderData reads, MediaLibrary media, PublicUrls urls,
            CurrentLayout publication, MessageSource messageSource, ResourceUrlProvider resources, StoryLinks links,
            Clock clock) {
        this.clock = clock;
        this.links = links;
        this.reads = reads;
        this.media = media;
        this.urls = urls;
        this.publication = publication;
        this.messageSource = messageSource;
        this.resources = resources;
    }

    UiMessages messages(Language language) {
        return new UiMessages(language, messageSource);
    }

    /** The publication's settings for this response. */
    Publication publication() {
        return publication.publication();
    }

    /** The sections of the navigation, in order. */
    List<org.masthead.content.Section> navigation() {
        return publication.get().navigation();
    }

    String siteName(Language language) {
        return publication().name(language);
    }

    Language defaultLanguage() {
        return publication().defaultLanguage();
    }

    /**
     * The layout around a page. {@code versions} maps each language in which the same page exists to
     * its path; {@code xDefault} is the path for readers whose language is none of those. Without a
     * canonical path (error pages) the page names no alternates and asks not to be indexed.
     */
    Chrome chrome(Language language, String title, String description, @Nullable String canonicalPath,
            Map<Language, String> versions, String xDefault, @Nullable String currentSection,
            List<PageParts.FeedLink> feeds) {
        var t = messages(language);
        var alternates = new ArrayList<Alternate>();
        if (canonicalPath != null) {
            versions.forEach((lang, path) -> alternates.add(new Alternate(lang.code(), urls.absolute(path))));
            alternates.add(new Alternate("x-default", urls.absolute(xDefault)));
        }
        var switcher = Language.all().stream()
                .map(lang -> new LanguageLink(lang,
                        versions.containsKey(lang) ? urls.chooseLanguage(lang, versions.get(lang)) : null, lang == language))
                .toList();
        var sections = navigation().stream()
                .map(s -> new Link(urls.section(language, s), s.name().in(language)))
                .toList();
        var footer = publication.get().footer(language).stream()
                .map(p -> new Link(urls.page(language, p.slug()), p.title()))
                .toList();
        var profiles = publication().socialLinks().stream().map(url -> new Link(url, host(url))).toList();
        var siteName = siteName(language);
        var fullTitle = title.equals(siteName) ? siteName : title + " — " + siteName;
        var stylesheet = Objects.requireNonNullElse(resources.getForLookupPath("/site/css/site.css"),
                "/site/css/site.css");
        var script = Objects.requireNonNullElse(resources.getForLookupPath("/site/js/search.js"), "/site/js/search.js");
        var search = new PageParts.SearchBox(urls.search(language, Map.of()), urls.searchSuggestions(language), script);
        return new Chrome(language, fullTitle, description,
                canonicalPath == null ? null : urls.absolute(canonicalPath), alternates, switcher,
                sections, currentSection, siteName, urls.home(language), stylesheet, feeds, search, footer, profiles,
                logo(), banner(language), "/live/banner/" + language.code() + "/events",
                Objects.requireNonNullElse(resources.getForLookupPath("/site/js/banner.js"), "/site/js/banner.js"), t);
    }

    /**
     * The breaking-news banner of the language, if one is up. Every page that shows the layout is tagged
     * with {@link SurrogateKeys#BANNER}, banner or not, so that setting, clearing or the expiry of one drops
     * them all by that key.
     */
    private @Nullable Link banner(Language language) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            SurrogateKeys.add(attributes.getRequest(), SurrogateKeys.BANNER);
        }
        var shown = publication.get().banner(language, clock.instant());
        return shown == null ? null : new Link(urls.story(shown.story()), shown.banner().text());
    }

    /** The chosen logo at the smallest width its header place needs. */
    private PageParts.@Nullable Logo logo() {
        var id = publication().logoMediaId();
        var asset = id == null ? null : media.find(id).orElse(null);
        if (asset == null || asset.variants().isEmpty()) {
            return null;
        }
        var variant = asset.variants().getFirst();
        return new PageParts.Logo(urls.media(asset.id(), variant.width()), variant.width(), variant.height());
    }

    /** The site's name for a profile address: its host without "www.". */
    static String host(String url) {
        try {
            var host = java.net.URI.create(url).getHost();
            return host == null ? url : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The RSS and Atom feeds of a list page ({@code listPath}), titled after the list. */
    List<PageParts.FeedLink> feeds(String listPath, String listTitle) {
        return java.util.Arrays.stream(org.masthead.site.FeedFormat.values())
                .map(format -> new PageParts.FeedLink(format.mediaType(), listTitle + " (" + format.name() + ")",
                        urls.absolute(urls.feed(listPath, format, false))))
                .toList();
    }

    /** The same path in every language, for pages that exist in all three (home, lists). */
    Map<Language, String> everyLanguage(Function<Language, String> path) {
        var versions = new EnumMap<Language, String>(Language.class);
        Language.all().forEach(lang -> versions.put(lang, path.apply(lang)));
        return versions;
    }

    List<Card> cards(List<StoryCard> stories, boolean eagerFirst) {
        var assets = media.find(stories.stream().map(StoryCard::leadImage).filter(Objects::nonNull)
                .map(LeadImage::mediaId).collect(Collectors.toSet()));
        var cards = new ArrayList<Card>(stories.size());
        for (var story : stories) {
            var image = story.leadImage();
            var picture = image == null ? null
                    : picture(assets.get(image.mediaId()), image.alt(), CARD_SIZES, eagerFirst && cards.isEmpty());
            cards.add(new Card(urls.story(story), story.headline(), story.standfirst(), picture,
                    date(story.publishedAt(), story.language()),
                    new Link(urls.section(story.language(), story.section()),
                            story.section().name().in(story.language()))));
        }
        return cards;
    }

    Card card(StoryCard story, boolean eager) {
        return cards(List.of(story), eager).getFirst();
    }

    NewsDates.Shown date(java.time.Instant instant, Language language) {
        return dates.computeIfAbsent(publication().timeZone(), NewsDates::new).show(instant, language);
    }

    @Nullable Picture picture(@Nullable MediaAsset asset, String alt, String sizes, boolean eager) {
        if (asset == null || asset.variants().isEmpty()) {
            return null;
        }
        var srcset = asset.variants().stream()
                .map(v -> urls.media(asset.id(), v.width()) + " " + v.width() + "w")
                .collect(Collectors.joining(", "));
        var fallback = asset.atLeast(800);
        return new Picture(urls.media(asset.id(), fallback.width()), srcset, sizes, fallback.width(),
                fallback.height(), alt, eager);
    }

    StoryPage.@Nullable LeadFigure leadFigure(PublishedStory story) {
        var image = story.leadImage();
        if (image == null) {
            return null;
        }
        var picture = picture(media.find(image.mediaId()).orElse(null), image.alt(), LEAD_SIZES, true);
        return picture == null ? null : new StoryPage.LeadFigure(picture, image.caption(), image.credit());
    }

    /**
     * Resolves read-also targets, links to stories and image sizes; read-also blocks whose target is not
     * live in this language are left out.
     */
    List<BlockView> blocks(List<Block> body, Language language) {
        var linked = links.of(body, language, false);
        var readAlsoIds = body.stream().filter(b -> b instanceof Block.ReadAlso)
                .map(b -> ((Block.ReadAlso) b).storyId()).toList();
        Map<Long, StoryCard> targets = reads.cards(readAlsoIds, language).stream()
                .collect(Collectors.toMap(StoryCard::id, Function.identity()));
        var imageIds = body.stream().filter(b -> b instanceof Block.Image).map(b -> ((Block.Image) b).mediaId())
                .collect(Collectors.toSet());
        var assets = media.find(imageIds);
        var views = new ArrayList<BlockView>(body.size());
        for (var block : body) {
            var view = switch (block) {
                case Block.Paragraph p -> new BlockView.Paragraph(InlineHtml.of(p.text(), linked));
                case Block.Subheading s -> new BlockView.Subheading(InlineHtml.of(s.text(), linked));
                case Block.Quote q -> new BlockView.Quote(InlineHtml.of(q.text(), linked), q.speaker(), q.role());
                case Block.BulletList l -> new BlockView.ItemList(l.ordered(),
                        l.items().stream().map(item -> InlineHtml.of(item, linked)).toList());
                case Block.Image i -> {
                    var picture = picture(assets.get(i.mediaId()), i.alt(), LEAD_SIZES, false);
                    yield picture == null ? null
                            : new BlockView.Figure(picture, InlineHtml.of(i.caption(), linked), i.credit());
                }
                case Block.ReadAlso r -> {
                    var target = targets.get(r.storyId());
                    yield target == null ? null : new BlockView.ReadAlso(urls.story(target), target.headline());
                }
                case Block.Embed e -> embed(e);
            };
            if (view != null) {
                views.add(view);
            }
        }
        return views;
    }

    /** Only web links become embeds: a stored "javascript:" or "data:" URL is dropped, never rendered. */
    private static BlockView.@Nullable Embed embed(Block.Embed embed) {
        try {
            var uri = URI.create(embed.url());
            var scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return null;
            }
            var title = embed.title() == null || embed.title().isBlank() ? uri.getHost() : embed.title();
            return new BlockView.Embed(uri.toString(), title, uri.getHost());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
