package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.content.Block;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every feed over real HTTP, parsed back with ROME. */
@MastheadTest
class FeedsIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uk/feed/", "/en/politics/feed/", "/ru/tag/energy/feed/", "/en/author/olena-marchenko/feed/"})
    void everyListHasFourFeedsThatRomeReads(String base) {
        for (var file : List.of("rss.xml", "rss-full.xml", "atom.xml", "atom-full.xml")) {
            var response = site.get(base + file);
            assertThat(response.statusCode()).as(base + file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith(file.startsWith("rss") ? "application/rss+xml" : "application/atom+xml");
            assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("public");
            var feed = parse(response.body());
            assertThat(feed.getFeedType()).isEqualTo(file.startsWith("rss") ? "rss_2.0" : "atom_1.0");
            assertThat(feed.getEntries()).as(base + file).isNotEmpty().hasSizeLessThanOrEqualTo(50);
            assertThat(feed.getLanguage() == null || feed.getLanguage().equals(base.substring(1, 3))).isTrue();
            for (var entry : feed.getEntries()) {
                assertThat(entry.getUri()).matches("tag:localhost,2026:story:\\d+:" + base.substring(1, 3));
                assertThat(entry.getLink()).startsWith("http://localhost:8080/" + base.substring(1, 3) + "/");
                assertThat(entry.getPublishedDate()).isNotNull();
                assertThat(entry.getTitle()).isNotBlank();
            }
        }
    }

    @Test
    void theSiteFeedHoldsTheNewestFiftyNewestFirst() {
        for (int i = 0; i < 6; i++) {
            fixtures.story().in(EN, "Filler " + i).published();
        }
        var feed = parse(site.get("/en/feed/atom.xml").body());
        assertThat(feed.getEntries()).hasSize(50);
        var dates = feed.getEntries().stream().map(e -> e.getPublishedDate()).toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aStoryKeepsItsItemIdWhenItsHeadlineChangesAndFullTextIsEscaped() {
        long section = fixtures.section();
        var sectionSlug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        long id = fixtures.story().inSection(section).in(UK, "Перший заголовок")
                .body(new Block.Paragraph("p1", "Text with <script>alert(1)</script> & <b>tags</b>"),
                        new Block.Quote("q1", "Said <i>so</i>", "Speaker", "Minister"))
                .published();

        var before = parse(site.get("/uk/" + sectionSlug + "/feed/rss-full.xml").body());
        var item = before.getEntries().getFirst();
        assertThat(item.getUri()).isEqualTo("tag:localhost,2026:story:" + id + ":uk");
        var html = item.getContents().getFirst().getValue();
        assertThat(html).doesNotContain("<script", "<b>", "<i>", "javascript:")
                .contains("&lt;script&gt;", "&lt;b&gt;tags", "<blockquote>", "Minister");
        assertThat(item.getDescription().getValue()).isEqualTo("Standfirst of Перший заголовок");

        stories.save(new org.masthead.content.SaveVersion(id, UK, 1, "Другий заголовок", "New standfirst", "", "",
                "", "", "", List.of(new Block.Paragraph("p1", "Changed.")), "test"));
        stories.publish(id);
        var after = parse(site.get("/uk/" + sectionSlug + "/feed/atom.xml").body());
        assertThat(after.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getUri()).isEqualTo("tag:localhost,2026:story:" + id + ":uk");
            assertThat(entry.getTitle()).isEqualTo("Другий заголовок");
            assertThat(entry.getLink()).endsWith("/uk/" + sectionSlug + "/druhyi-zaholovok-" + id);
            assertThat(entry.getUpdatedDate()).isAfterOrEqualTo(entry.getPublishedDate());
        });
    }

    /** XML 1.0 cannot carry these characters at all; stored text holding them must not take a feed down. */
    @Test
    void storedTextThatXmlCannotCarryLeavesEveryFeedAnswering() {
        long section = fixtures.section();
        var sectionSlug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        fixtures.story().inSection(section).in(EN, "Control\u0001 char\u0008acters\uFFFF")
                .body(new Block.Paragraph("p1", "Body\u0002 text\u001B"),
                        new Block.Quote("q1", "Said\u0003", "Speaker\u0004", "Role\u0005"))
                .published();

        for (var file : List.of("rss.xml", "rss-full.xml", "atom.xml", "atom-full.xml")) {
            var response = site.get("/en/" + sectionSlug + "/feed/" + file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            var entry = parse(response.body()).getEntries().getFirst();
            assertThat(entry.getTitle()).isEqualTo("Control characters");
            if (file.contains("full")) {
                assertThat(entry.getContents().getFirst().getValue()).contains("Body text", "Said", "Speaker, Role");
            }
        }
    }

    @Test
    void leadImagesAreEnclosuresWithTypeAndLength() {
        var feed = parse(site.get("/en/feed/rss.xml").body());
        var withImage = feed.getEntries().stream().filter(e -> !e.getEnclosures().isEmpty()).findFirst().orElseThrow();
        var enclosure = withImage.getEnclosures().getFirst();
        assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        assertThat(enclosure.getLength()).isPositive();
        assertThat(enclosure.getUrl()).matches("http://localhost:8080/media/\\d+/\\d+\\.jpg");
        var image = site.get(enclosure.getUrl().substring("http://localhost:8080".length()));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat((long) image.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length).isPositive();
    }

    @Test
    void itemsNameTheirAuthorsSectionAndTopics() {
        var feed = parse(site.get("/en/author/olena-marchenko/feed/atom.xml").body());
        assertThat(feed.getEntries()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getAuthors()).extracting(a -> a.getName()).contains("Olena Marchenko");
            assertThat(entry.getCategories()).isNotEmpty();
        });
        var energy = parse(site.get("/en/tag/energy/feed/rss.xml").body());
        assertThat(energy.getEntries()).allSatisfy(entry ->
                assertThat(entry.getCategories()).extracting(c -> c.getName()).contains("Energy"));
    }

    @Test
    void unknownListsAnswerNotFound() {
        assertThat(site.get("/en/no-such-section/feed/rss.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/en/tag/no-such-tag/feed/atom.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/en/feed/json.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void readerPagesLinkTheirFeeds() {
        var home = site.get("/en/").body();
        assertThat(home).contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Masthead (RSS)\" "
                + "href=\"http://localhost:8080/en/feed/rss.xml\">");
        assertThat(home).contains("type=\"application/atom+xml\"");
        assertThat(site.get("/en/politics/").body()).contains("href=\"http://localhost:8080/en/politics/feed/rss.xml\"");
        assertThat(site.get("/uk/tag/energy").body()).contains("href=\"http://localhost:8080/uk/tag/energy/feed/atom.xml\"");
    }

    private static SyndFeed parse(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("ROME cannot read the feed:\n" + xml, e);
        }
    }
}
