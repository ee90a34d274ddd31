package org.masthead.distribution.sitemaps;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveVersion;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.masthead.platform.text.XmlText;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.PublicUrls;
import org.masthead.site.CurrentLayout;
import org.masthead.content.PageVersion;
import org.masthead.content.Pages;
import org.masthead.content.StaticPage;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sitemaps for search engines: an index at {@code /sitemap.xml} naming one sitemap per month of first
 * publication (each story with its language versions as {@code xhtml:link} alternates) and a Google
 * News sitemap of the last 48 hours; {@code /robots.txt} points to both.
 */
@RestController
class SitemapController {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    /** Google News takes stories of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1000;
    /** The sitemap protocol's limit of addresses in one file. */
    static final int SITEMAP_LIMIT = 50_000;
    /**
     * Stories per monthly sitemap file: with every language version of each, a file stays within the
     * protocol's limit; a busier month is split into numbered parts.
     */
    static final int STORIES_PER_FILE = SITEMAP_LIMIT / Language.values().length;

    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()
            .staleWhileRevalidate(Duration.ofMinutes(1)).staleIfError(Duration.ofHours(6));
    private static final MediaType XML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Stories stories;
    private final Pages pages;
    private final PublicUrls urls;
    private final CurrentLayout publication;
    private final Clock clock;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    SitemapController(Stories stories, Pages pages, PublicUrls urls, CurrentLayout publication, Clock clock) {
        this.stories = stories;
        this.pages = pages;
        this.urls = urls;
        this.publication = publication;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index(HttpServletRequest request) {
        var lastModified = new TreeMap<YearMonth, Instant>();
        var storyCounts = new TreeMap<YearMonth, Integer>();
        for (var dates : stories.liveStoryDates()) {
            var month = YearMonth.from(dates.firstPublishedAt().atZone(ZoneOffset.UTC));
            lastModified.merge(month, dates.lastUpdatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            storyCounts.merge(month, 1, Integer::sum);
        }
        var body = write(out -> {
            out.writeStartElement("sitemapindex");
            out.writeDefaultNamespace(SITEMAP_NS);
            for (var month : lastModified.descendingMap().entrySet()) {
                int parts = (storyCounts.get(month.getKey()) + STORIES_PER_FILE - 1) / STORIES_PER_FILE;
                for (int part = 1; part <= parts; part++) {
                    sitemapEntry(out, urls.sitemap(month.getKey(), part), month.getValue());
                }
            }
            var livePages = livePages();
            if (!livePages.isEmpty()) {
                sitemapEntry(out, urls.pagesSitemap(), livePages.stream().flatMap(p -> p.versions().values().stream())
                        .filter(PageVersion::live).map(PageVersion::updatedAt).max(Instant::compareTo).orElse(null));
            }
            sitemapEntry(out, urls.newsSitemap(), null);
            out.writeEndElement();
        });
        SurrogateKeys.add(request, "pages");
        return respond(request, body);
    }

    /** The static pages, each live version with the others as alternates. */
    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> pages(HttpServletRequest request) {
        var live = livePages();
        if (live.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var defaultLanguage = publication.publication().defaultLanguage();
        var body = write(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(SITEMAP_NS);
            out.writeNamespace("xhtml", XHTML_NS);
            for (var page : live) {
                var versions = page.versions().values().stream().filter(PageVersion::live)
                        .sorted(java.util.Comparator.comparing(PageVersion::language)).toList();
                for (var version : versions) {
                    out.writeStartElement("url");
                    element(out, "loc", urls.absolute(urls.page(version.language(), version.slug())));
                    element(out, "lastmod", W3C.format(version.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
                    if (versions.size() > 1) {
                        for (var alternate : versions) {
                            alternate(out, alternate.language().code(),
                                    urls.absolute(urls.page(alternate.language(), alternate.slug())));
                        }
                        var fallback = versions.stream().filter(v -> v.language() == defaultLanguage).findFirst()
                                .orElse(versions.getFirst());
                        alternate(out, "x-default", urls.absolute(urls.page(fallback.language(), fallback.slug())));
                    }
                    out.writeEndElement();
                }
            }
            out.writeEndElement();
        });
        live.forEach(page -> SurrogateKeys.add(request, SurrogateKeys.page(page.id())));
        SurrogateKeys.add(request, "pages");
        return respond(request, body);
    }

    private List<StaticPage> livePages() {
        return pages.all().stream().filter(page -> page.versions().values().stream().anyMatch(PageVersion::live))
                .toList();
    }

    @GetMapping({"/sitemaps/{month:\\d{4}-\\d{2}}.xml", "/sitemaps/{month:\\d{4}-\\d{2}}-{part:[2-9]|[1-9]\\d{1,3}}.xml"})
    ResponseEntity<String> month(@PathVariable String month, @PathVariable(required = false) @Nullable Integer part,
            HttpServletRequest request) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var from = yearMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = yearMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int skip = (part == null ? 0 : part - 1) * STORIES_PER_FILE;
        var versions = stories.liveVersionsOfStoriesFirstPublished(from, to, skip, STORIES_PER_FILE);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var byStory = new LinkedHashMap<Long, List<LiveVersion>>();
        versions.forEach(v -> byStory.computeIfAbsent(v.storyId(), id -> new ArrayList<>()).add(v));
        var body = write(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(SITEMAP_NS);
            out.writeNamespace("xhtml", XHTML_NS);
            for (var story : byStory.values()) {
                for (var version : story) {
                    out.writeStartElement("url");
                    element(out, "loc", absolute(version));
                    element(out, "lastmod", W3C.format(version.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
                    if (story.size() > 1) {
                        for (var alternate : story) {
                            alternate(out, alternate.language().code(), absolute(alternate));
                        }
                        alternate(out, "x-default", absolute(story.stream()
                                .filter(v -> v.language() == Language.UK).findFirst().orElse(story.getFirst())));
                    }
                    out.writeEndElement();
                }
            }
            out.writeEndElement();
        });
        byStory.keySet().forEach(id -> SurrogateKeys.add(request, SurrogateKeys.story(id)));
        return respond(request, body);
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> news(HttpServletRequest request) {
        var versions = stories.liveVersionsPublishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
        var body = write(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(SITEMAP_NS);
            out.writeNamespace("news", NEWS_NS);
            for (var version : versions) {
                out.writeStartElement("url");
                element(out, "loc", absolute(version));
                out.writeStartElement(NEWS_NS, "news");
                out.writeStartElement(NEWS_NS, "publication");
                element(out, NEWS_NS, "name", publication.publication().name(version.language()));
                element(out, NEWS_NS, "language", version.language().code());
                out.writeEndElement();
                element(out, NEWS_NS, "publication_date", W3C.format(version.publishedAt().truncatedTo(ChronoUnit.SECONDS)));
                element(out, NEWS_NS, "title", version.headline());
                out.writeEndElement();
                out.writeEndElement();
            }
            out.writeEndElement();
        });
        versions.forEach(v -> SurrogateKeys.add(request, SurrogateKeys.story(v.storyId())));
        return respond(request, body);
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        var body = """
                User-agent: *
                Allow: /
                Disallow: /actuator/

                Sitemap: %s
                Sitemap: %s
                """.formatted(urls.absolute(urls.sitemapIndex()), urls.absolute(urls.newsSitemap()));
        return ResponseEntity.ok().cacheControl(CACHING).body(body);
    }

    private ResponseEntity<String> respond(HttpServletRequest request, String body) {
        SurrogateKeys.add(request, "sitemap");
        return ResponseEntity.ok().contentType(XML).cacheControl(CACHING).body(body);
    }

    private String absolute(LiveVersion version) {
        return urls.absolute(urls.story(version.language(), version.sectionSlug(), version.slug(), version.storyId()));
    }

    private void sitemapEntry(XMLStreamWriter out, String path, @Nullable Instant lastModified)
            throws XMLStreamException {
        out.writeStartElement("sitemap");
        element(out, "loc", urls.absolute(path));
        if (lastModified != null) {
            element(out, "lastmod", W3C.format(lastModified.truncatedTo(ChronoUnit.SECONDS)));
        }
        out.writeEndElement();
    }

    private static void alternate(XMLStreamWriter out, String hreflang, String href) throws XMLStreamException {
        out.writeEmptyElement(XHTML_NS, "link");
        out.writeAttribute("rel", "alternate");
        out.writeAttribute("hreflang", hreflang);
        out.writeAttribute("href", XmlText.clean(href));
    }

    /** Every text of a sitemap is written here, without the characters XML 1.0 cannot carry. */
    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(XmlText.clean(text));
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter out, String namespace, String name, String text)
            throws XMLStreamException {
        out.writeStartElement(namespace, name);
        out.writeCharacters(XmlText.clean(text));
        out.writeEndElement();
    }

    private String write(XmlBody body) {
        var text = new StringWriter(16_384);
        try {
            var out = xml.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            out.setDefaultNamespace(SITEMAP_NS);
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write a sitemap", e);
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }
}
