package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every feed as the W3C Feed Validator judges it (its rules in {@link FeedChecks}) and as feedparser reads it
 * (Debian's python3-feedparser, found by {@code ./masthead test}), with the demo newsroom and with hostile
 * text in every stored field: each RSS field carries it HTML-escaped, so a reader that renders the field as
 * HTML shows the text, and Atom says its text constructs are text.
 *
 * <p>With {@code MASTHEAD_TEST_FEED_DUMP=folder} every feed checked is also written there (with its address
 * beside it in {@code .url}), to run other validators over the same documents.
 */
@MastheadTest
class FeedValidityIntegrationTest {

    private static final List<String> FILES = List.of("rss.xml", "rss-full.xml", "atom.xml", "atom-full.xml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired MediaLibrary media;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uk/feed/", "/en/politics/feed/", "/ru/tag/energy/feed/", "/en/author/olena-marchenko/feed/"})
    void everyFeedPassesTheValidatorsRulesAndFeedparserReadsItsBylines(String list) {
        for (var file : FILES) {
            var path = list + file;
            var xml = site.get(path).body();
            assertThat(check(path, xml)).as(path).isEmpty();
            var read = feedparser(xml);
            assertThat(read.get("bozo").asBoolean()).as(path + ": " + read.get("bozoException")).isFalse();
            assertThat(read.get("version").asString()).isEqualTo(file.startsWith("rss") ? "rss20" : "atom10");
            assertThat(read.get("entries")).as(path).isNotEmpty();
            for (var entry : read.get("entries")) {
                // feedparser finds the byline in RSS (dc:creator) and Atom (author): the story's authors, never
                // the site's name in their place
                var id = entry.get("id").asString().split(":");
                var story = stories.published(Long.parseLong(id[id.length - 2]), Language.fromCode(id[id.length - 1])
                        .orElseThrow()).orElseThrow();
                var names = story.authors().stream().map(a -> a.name().in(story.language())).toList();
                var found = entry.get("authors").values().stream().map(JsonNode::asString).toList();
                if (names.isEmpty()) {
                    assertThat(found).as(path + " " + entry.get("title")).isEmpty();
                } else {
                    assertThat(found).as(path + " " + entry.get("title")).containsExactlyElementsOf(names);
                }
            }
        }
    }

    @Test
    void itemsWithoutAuthorsNameNoneAndAtomEntriesTakeTheFeedsAuthor() {
        long section = fixtures.section();
        var slug = sectionSlug(section);
        fixtures.story().inSection(section).in(EN, "Nobody signed this").published();

        var rss = site.get("/en/" + slug + "/feed/rss.xml").body();
        assertThat(check("/en/" + slug + "/feed/rss.xml", rss)).isEmpty();
        assertThat(rss).doesNotContain("dc:creator", "<author>");
        assertThat(rss).as("no hub is configured").doesNotContain("rel=\"hub\"");
        var atom = site.get("/en/" + slug + "/feed/atom.xml").body();
        assertThat(check("/en/" + slug + "/feed/atom.xml", atom)).isEmpty();
        var feed = FeedChecks.parse(atom, new ArrayList<>()).getDocumentElement();
        var entry = FeedChecks.child(feed, FeedChecks.ATOM, "entry");
        assertThat(FeedChecks.children(entry, FeedChecks.ATOM, "author")).isEmpty();
        assertThat(FeedChecks.text(FeedChecks.child(feed, FeedChecks.ATOM, "author"), FeedChecks.ATOM, "name"))
                .isEqualTo("Masthead");
    }

    @Test
    void theLeadImageIsMediaRssWithItsSizeCaptionAndCredit() {
        var rss = site.get("/en/feed/rss.xml").body();
        var channel = FeedChecks.child(FeedChecks.parse(rss, new ArrayList<>()).getDocumentElement(), null, "channel");
        var item = FeedChecks.children(channel, null, "item").stream()
                .filter(i -> FeedChecks.child(i, FeedChecks.MEDIA, "content") != null).findFirst().orElseThrow();
        var content = FeedChecks.child(item, FeedChecks.MEDIA, "content");
        assertThat(content.getAttribute("medium")).isEqualTo("image");
        assertThat(content.getAttribute("url")).isEqualTo(FeedChecks.child(item, null, "enclosure").getAttribute("url"));
        assertThat(Integer.parseInt(content.getAttribute("width"))).isPositive();
        assertThat(Integer.parseInt(content.getAttribute("height"))).isPositive();
        assertThat(FeedChecks.text(content, FeedChecks.MEDIA, "credit")).isNotBlank();
        assertThat(FeedChecks.text(content, FeedChecks.MEDIA, "description")).isNotBlank();

        var read = feedparser(site.get("/en/feed/atom.xml").body());
        var withImage = read.get("entries").values().stream().filter(e -> !e.get("media").isEmpty()).findFirst().orElseThrow();
        assertThat(withImage.get("media").get(0).get("width").asString()).matches("\\d+");
        assertThat(withImage.get("credits")).isNotEmpty();
    }

    /** Issue 13's finding: hostile text in headlines and standfirsts became live markup in RSS readers. */
    @Test
    void hostileTextInEveryStoredFieldReachesEveryFeedAsTextOnly() throws IOException {
        var payloads = payloads();
        long section = taxonomy.addSection(Fixtures.unique("hostile"), new Localized("Розділ <b>", "Section <svg onload=alert(1)>",
                "Раздел <i>"));
        var slug = sectionSlug(section);
        long author = taxonomy.addAuthor(Fixtures.unique("author"), new Localized("Автор <script>", "Author <img src=x onerror=alert(1)>",
                "Автор &amp;"), new Localized("", "", ""));
        long tag = taxonomy.addTag(Fixtures.unique("tag"), new Localized("<u>тег</u>", "<iframe src=javascript:alert(1)>", "тег"));
        var start = java.time.Instant.now().minusSeconds(payloads.size() + 60);
        var image = media.add(new java.awt.image.BufferedImage(1600, 900, java.awt.image.BufferedImage.TYPE_INT_RGB));
        for (int i = 0; i < payloads.size(); i++) {
            var payload = payloads.get(i);
            long id = stories.create(new NewStory(section, Language.EN, List.of(author), List.of(tag), image.id()));
            stories.save(new SaveVersion(id, EN, 0, "#" + i + " " + payload, payload, "", "", payload, payload, payload,
                    List.of(new Block.Paragraph("p", payload), new Block.Quote("q", payload, payload, payload),
                            new Block.BulletList("l", false, List.of(RichText.plain(payload))), new Block.Embed("e", "https://example.org/", payload)),
                    "test"));
            // every other pair in the same instant, as a scheduled batch is published: atom:updated stays distinct
            stories.publish(id, start.plusSeconds(i / 2));
        }

        for (var file : FILES) {
            var path = "/en/" + slug + "/feed/" + file;
            var xml = site.get(path).body();
            assertThat(check(path, xml)).as(path).isEmpty();
            var root = FeedChecks.parse(xml, new ArrayList<>()).getDocumentElement();
            var markup = new ArrayList<String>();
            if (file.startsWith("rss")) {
                var channel = FeedChecks.child(root, null, "channel");
                for (var item : FeedChecks.children(channel, null, "item")) {
                    for (var field : List.of("title", "description", "category")) {
                        FeedChecks.children(item, null, field).forEach(e -> liveMarkup(markup, path, field, e.getTextContent()));
                    }
                    FeedChecks.children(item, FeedChecks.DC, "creator")
                            .forEach(e -> liveMarkup(markup, path, "dc:creator", e.getTextContent()));
                    var content = FeedChecks.child(item, FeedChecks.MEDIA, "content");
                    liveMarkup(markup, path, "media:credit", FeedChecks.text(content, FeedChecks.MEDIA, "credit"));
                    liveMarkup(markup, path, "media:description", FeedChecks.text(content, FeedChecks.MEDIA, "description"));
                    var full = FeedChecks.child(item, FeedChecks.CONTENT, "encoded");
                    if (full != null) {
                        sanitized(markup, path, full.getTextContent());
                    }
                    var title = HtmlUtils.htmlUnescape(FeedChecks.text(item, null, "title"));
                    assertThat(payloads).as("the title, read as HTML, is the headline as written")
                            .contains(title.substring(title.indexOf(' ') + 1));
                }
                assertThat(FeedChecks.text(channel, null, "title")).doesNotContain("<");
            } else {
                for (var entry : FeedChecks.children(root, FeedChecks.ATOM, "entry")) {
                    var titleElement = FeedChecks.child(entry, FeedChecks.ATOM, "title");
                    var title = "html".equals(titleElement.getAttribute("type"))
                            ? HtmlUtils.htmlUnescape(titleElement.getTextContent()) : titleElement.getTextContent();
                    assertThat(payloads).contains(title.substring(title.indexOf(' ') + 1));
                    var content = FeedChecks.child(entry, FeedChecks.ATOM, "content");
                    if (content != null) {
                        assertThat(content.getAttribute("type")).isEqualTo("html");
                        sanitized(markup, path, content.getTextContent());
                    }
                    var media = FeedChecks.child(entry, FeedChecks.MEDIA, "content");
                    liveMarkup(markup, path, "media:credit", FeedChecks.text(media, FeedChecks.MEDIA, "credit"));
                }
            }
            assertThat(markup).as(path).isEmpty();
            var read = feedparser(xml);
            assertThat(read.get("bozo").asBoolean()).as(path + ": " + read.get("bozoException")).isFalse();
            assertThat(read.get("entries")).hasSize(Math.min(payloads.size(), 50));
        }
    }

    /** A field that readers may render as HTML holds no markup at all: its text is escaped. */
    private static void liveMarkup(List<String> markup, String path, String field, String value) {
        if (value.contains("<")) {
            markup.add(path + " " + field + ": " + value);
        }
    }

    /**
     * HTML of full-text items: every tag in it (escaped text has none) is one of the allow-listed elements,
     * with no event handler, no style and only http(s) addresses.
     */
    private static void sanitized(List<String> markup, String path, String html) {
        var allowed = java.util.Set.of("p", "h2", "blockquote", "figure", "figcaption", "ul", "ol", "li", "a", "img",
                "small", "cite");
        var tag = java.util.regex.Pattern.compile("<(/?)([A-Za-z][\\w:-]*)([^>]*)>").matcher(html);
        while (tag.find()) {
            var name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            var attributes = tag.group(3).toLowerCase(java.util.Locale.ROOT);
            if (!allowed.contains(name)) {
                markup.add(path + " full text holds <" + name + ">: " + tag.group());
            }
            if (java.util.regex.Pattern.compile("\\s(on\\w+|style|srcdoc)\\s*=").matcher(attributes).find()) {
                markup.add(path + " full text holds an attribute it must not: " + tag.group());
            }
            var address = java.util.regex.Pattern.compile("\\s(href|src)=\"([^\"]*)\"").matcher(attributes);
            while (address.find()) {
                if (!address.group(2).matches("https?://.*")) {
                    markup.add(path + " full text links elsewhere than http(s): " + tag.group());
                }
            }
        }
        if (html.contains("<!--") || html.contains("<![CDATA[")) {
            markup.add(path + " full text holds a comment or CDATA: " + html);
        }
    }

    private List<String> check(String path, String xml) {
        dumpForManualCheck(path, xml);
        var address = "http://localhost:8080" + path;
        return path.contains("rss") ? FeedChecks.rss(xml, address) : FeedChecks.atom(xml, address);
    }

    static void dumpForManualCheck(String path, String xml) {
        var dir = System.getenv("MASTHEAD_TEST_FEED_DUMP");
        if (dir != null) {
            try {
                var name = path.replace('/', '_') ;
                java.nio.file.Files.writeString(java.nio.file.Path.of(dir, name), xml);
                java.nio.file.Files.writeString(java.nio.file.Path.of(dir, name + ".url"), "http://localhost:8080" + path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String sectionSlug(long id) {
        return taxonomy.sections().stream().filter(s -> s.id() == id).findFirst().orElseThrow().slug();
    }

    static List<String> payloads() throws IOException {
        try (var in = FeedValidityIntegrationTest.class.getResourceAsStream("/hostile/markup.txt")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    /** What feedparser makes of {@code xml}, from the python3 that {@code ./masthead test} found. */
    static JsonNode feedparser(String xml) {
        var python = Objects.requireNonNullElse(System.getenv("MASTHEAD_FEEDPARSER_PYTHON"), "/usr/bin/python3");
        try (var script = FeedValidityIntegrationTest.class.getResourceAsStream("/feedparser-summary.py")) {
            var file = java.nio.file.Files.createTempFile("feedparser-summary", ".py");
            java.nio.file.Files.write(file, Objects.requireNonNull(script).readAllBytes());
            var process = new ProcessBuilder(python, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var in = process.getOutputStream()) {
                in.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            var out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("feedparser failed (" + python + "); ./masthead test installs python3-feedparser");
            }
            java.nio.file.Files.delete(file);
            return JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
