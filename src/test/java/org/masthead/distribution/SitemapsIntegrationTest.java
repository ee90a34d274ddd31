package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sitemaps over real HTTP, each checked against the protocol's schema. */
@MastheadTest
class SitemapsIntegrationTest {

    private static final Pattern LOC = Pattern.compile("<loc>http://localhost:8080(/[^<]+)</loc>");

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

    @Test
    void theIndexNamesEveryMonthAndTheNewsSitemapAndEachIsValid() throws Exception {
        var index = site.get("/sitemap.xml");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        validate(schema("siteindex.xsd"), index.body());
        var paths = locs(index.body());
        assertThat(paths).contains("/sitemaps/news.xml",
                "/sitemaps/" + YearMonth.now(ZoneOffset.UTC) + ".xml");
        assertThat(index.body()).containsPattern("<lastmod>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</lastmod>");
        for (var path : paths) {
            var sitemap = site.get(path);
            assertThat(sitemap.statusCode()).as(path).isEqualTo(200);
            validate(schema("sitemap.xsd", "xhtml-link.xsd", "sitemap-news.xsd"), sitemap.body());
        }
    }

    @Test
    void aMonthListsEveryLiveVersionWithItsAlternates() throws Exception {
        long three = fixtures.story().in(UK, "Три мови").in(EN, "Three languages").in(RU, "Три языка").published();
        long one = fixtures.story().in(EN, "Only English here").published();
        var month = YearMonth.now(ZoneOffset.UTC);
        var body = site.get("/sitemaps/" + month + ".xml").body();
        validate(schema("sitemap.xsd", "xhtml-link.xsd", "sitemap-news.xsd"), body);

        var section = stories.published(three, EN).orElseThrow().section().slug();
        var english = "http://localhost:8080/en/" + section + "/three-languages-" + three;
        var entry = entryOf(body, english);
        assertThat(entry).contains("<lastmod>",
                "<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"http://localhost:8080/uk/" + section + "/try-movy-" + three + "\"/>",
                "<xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"http://localhost:8080/ru/" + section + "/tri-iazyka-" + three + "\"/>",
                "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + english + "\"/>",
                "hreflang=\"x-default\" href=\"http://localhost:8080/uk/");
        var lonely = entryOf(body, "http://localhost:8080/en/" + stories.published(one, EN).orElseThrow().section().slug()
                + "/only-english-here-" + one);
        assertThat(lonely).doesNotContain("xhtml:link");
    }

    @Test
    void theNewsSitemapHoldsOnlyTheLastTwoDays() throws Exception {
        long fresh = fixtures.story().in(EN, "Fresh <news> & more").published();
        long old = fixtures.story().in(EN, "Old news").draft();
        stories.publish(old, Instant.now().minus(Duration.ofDays(3)));

        var body = site.get("/sitemaps/news.xml").body();
        validate(schema("sitemap.xsd", "xhtml-link.xsd", "sitemap-news.xsd"), body);
        var freshEntry = entryOf(body, "http://localhost:8080/en/" + stories.published(fresh, EN).orElseThrow().section().slug()
                + "/fresh-news-more-" + fresh);
        assertThat(freshEntry).contains("<news:publication><news:name>Masthead</news:name><news:language>en</news:language>",
                "<news:publication_date>");
        // the title is escaped (">" may stay as it is in XML text)
        assertThat(freshEntry).containsPattern("<news:title>Fresh &lt;news(>|&gt;) &amp; more</news:title>");
        assertThat(body).doesNotContain("old-news-" + old);
        assertThat(locs(body)).hasSizeLessThanOrEqualTo(1000);
        // the old story is still in its month's sitemap
        var month = YearMonth.from(Instant.now().minus(Duration.ofDays(3)).atZone(ZoneOffset.UTC));
        assertThat(site.get("/sitemaps/" + month + ".xml").body()).contains("old-news-" + old);
    }

    /** XML 1.0 cannot carry these characters at all; a headline holding them must not take the sitemaps down. */
    @Test
    void storedTextThatXmlCannotCarryLeavesEverySitemapAnsweringAndValid() throws Exception {
        long id = fixtures.story().in(EN, "Control\u0001 char\u0008acters\uFFFF and an \u001Bescape").published();

        var news = site.get("/sitemaps/news.xml");
        assertThat(news.statusCode()).isEqualTo(200);
        validate(schema("sitemap.xsd", "xhtml-link.xsd", "sitemap-news.xsd"), news.body());
        assertThat(news.body()).contains("<news:title>Control characters and an escape</news:title>");
        var month = site.get("/sitemaps/" + YearMonth.now(ZoneOffset.UTC) + ".xml");
        assertThat(month.statusCode()).isEqualTo(200);
        validate(schema("sitemap.xsd", "xhtml-link.xsd", "sitemap-news.xsd"), month.body());
        assertThat(month.body()).contains("-" + id + "</loc>");
        assertThat(site.get("/sitemap.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void aBusyMonthIsPagedAStoryAtATimeNeverSplittingAStory() {
        var month = YearMonth.of(2003, 5);
        var ids = new ArrayList<Long>();
        for (int day = 1; day <= 3; day++) {
            long id = fixtures.story().in(UK, "Архів " + day).in(EN, "Archive " + day).draft();
            stories.publish(id, month.atDay(day).atTime(12, 0).toInstant(ZoneOffset.UTC));
            ids.add(id);
        }
        var from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        var first = stories.liveVersionsOfStoriesFirstPublished(from, to, 0, 2);
        var second = stories.liveVersionsOfStoriesFirstPublished(from, to, 2, 2);
        assertThat(first).hasSize(4).extracting(v -> v.storyId()).containsOnly(ids.get(0), ids.get(1));
        assertThat(second).hasSize(2).extracting(v -> v.storyId()).containsOnly(ids.get(2));

        assertThat(locs(site.get("/sitemap.xml").body())).contains("/sitemaps/2003-05.xml")
                .doesNotContain("/sitemaps/2003-05-2.xml");
        assertThat(locs(site.get("/sitemaps/2003-05.xml").body())).hasSize(6);
        assertThat(site.get("/sitemaps/2003-05-2.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemaps/2003-05-1.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsNamesTheSitemaps() {
        var robots = site.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *", "Sitemap: http://localhost:8080/sitemap.xml",
                "Sitemap: http://localhost:8080/sitemaps/news.xml");
    }

    @Test
    void monthsWithoutStoriesAndImpossibleMonthsAreNotFound() {
        assertThat(site.get("/sitemaps/1999-01.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemaps/2026-13.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemaps/latest.xml").statusCode()).isEqualTo(404);
    }

    private static String entryOf(String sitemap, String loc) {
        int start = sitemap.indexOf("<loc>" + loc + "</loc>");
        assertThat(start).as(loc + " in\n" + sitemap).isNotNegative();
        return sitemap.substring(start, sitemap.indexOf("</url>", start));
    }

    private static List<String> locs(String xml) {
        var paths = new ArrayList<String>();
        var matcher = LOC.matcher(xml);
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        return paths;
    }

    private static Schema schema(String... files) throws Exception {
        var sources = new StreamSource[files.length];
        for (int i = 0; i < files.length; i++) {
            sources[i] = new StreamSource(SitemapsIntegrationTest.class.getResource("/xsd/" + files[i]).toString());
        }
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
    }

    private static void validate(Schema schema, String xml) throws Exception {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(e.getMessage() + "\n" + xml.substring(0, Math.min(xml.length(), 3000)), e);
        }
    }
}
