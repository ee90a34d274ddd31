package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.content.Block;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reader search page and its suggestions over real HTTP, every variant checked by the Nu Html Checker. */
@MastheadTest
class SearchPageIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        relay.drain();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uk/search", "/en/search?q=", "/ru/search?q=переговоров", "/en/search?q=talks&sort=date",
            "/uk/search?q=zzzqqxxv", "/en/search?q=%22%22%22", "/en/search?q=war&page=abc&section=%3Cb%3E&month=13-99",
            "/en/search?q=war&page=999999", "/uk/search?q=%D0%B2%D1%96%D0%B9%D0%BD%D0%B8&section=war"})
    void everySearchPageIsAValidHelpfulPage(String path) {
        var page = site.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).as(path).isEmpty();
        assertThat(page.body()).contains("class=\"search-summary\"", "name=\"robots\" content=\"noindex\"");
    }

    @Test
    void aHugeQueryGetsAPageSayingItWasShortened() {
        var page = site.get("/en/search?q=" + "war+".repeat(1000));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"search-notice\"");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
    }

    @Test
    void nothingFoundOffersWaysOn() {
        var body = site.get("/uk/search?q=zzzqqxxv").body();
        assertThat(body).contains("class=\"search-help\"", "zzzqqxxv");
    }

    @Test
    void resultsLinkToStoriesWithMarkedWordsFacetsAndSorting() {
        var word = "q" + Fixtures.unique("w").substring(2).replace("-", "");
        long id = fixtures.story().in(EN, "Harbour " + word + " reopens after repairs")
                .body(new Block.Paragraph("p1", "The harbour reopened on Monday, " + word + " said.")).published();
        relay.drain();

        var page = site.get("/en/search?q=" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        assertThat(body).containsPattern("href=\"/en/section-[a-z0-9-]+/harbour-" + word + "-reopens-after-repairs-" + id + "\"");
        assertThat(body).contains("<mark>" + word + "</mark>", "class=\"facets\"", "sort=date", "2026");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        assertThat(HtmlValidator.errors(body)).isEmpty();

        var sectionLink = java.util.regex.Pattern.compile("href=\"(/en/search\\?q=" + word + "&amp;section=[a-z0-9-]+)\"")
                .matcher(body);
        assertThat(sectionLink.find()).isTrue();
        var narrowed = site.get(sectionLink.group(1).replace("&amp;", "&"));
        assertThat(narrowed.body()).contains("aria-current=\"true\"", "class=\"search-filters\"");
        assertThat(HtmlValidator.errors(narrowed.body())).isEmpty();
    }

    @Test
    void storyTextInResultsIsEscapedAndOnlyMatchesAreMarked() {
        var word = "q" + Fixtures.unique("w").substring(2).replace("-", "");
        fixtures.story().in(EN, "<script>alert(1)</script> " + word + " <img src=x onerror=alert(2)>")
                .body(new Block.Paragraph("p1", "<b>" + word + "</b> & \"quotes\"")).published();
        relay.drain();

        var body = site.get("/en/search?q=" + word).body();
        assertThat(body).doesNotContain("<script>alert", "<img src=x", "<b>" + word);
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;<mark>" + word + "</mark>&lt;/b&gt;");
        var query = site.get("/en/search?q=" + URLEncoder.encode("\"><script>alert(3)</script>", StandardCharsets.UTF_8));
        assertThat(query.body()).doesNotContain("<script>alert(3)");
    }

    @Test
    void suggestionsCompleteHeadlinesAsJsonWithLinks() {
        var word = "q" + Fixtures.unique("w").substring(2).replace("-", "");
        long id = fixtures.story().in(UK, "Мости " + word + " відкрили").published();
        relay.drain();

        var response = site.get("/uk/search/suggest?q=" + word.substring(0, 6), "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(response.body()).contains("\"kind\":\"headline\"", "Мости " + word + " відкрили", "-" + id + "\"");
        assertThat(site.get("/uk/search/suggest?q=").body()).isEqualTo("{\"suggestions\":[]}");
    }

    @Test
    void everyPageHasASearchBoxThatWorksWithoutScript() {
        var body = site.get("/uk/").body();
        assertThat(body).contains("<form class=\"site-search\" role=\"search\" action=\"/uk/search\" method=\"get\">",
                "data-suggest=\"/uk/search/suggest\"");
        assertThat(body).containsPattern("<script src=\"/site/js/search-[0-9a-f]+\\.js\" defer></script>");
    }

    @Test
    void reindexAnswersOnlyJsonRequestsFromThisMachine() {
        var form = site.send(HttpRequest.newBuilder(site.uri("/internal/search/reindex"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(form.statusCode()).isEqualTo(415);
        var status = site.get("/internal/search/reindex");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"state\"");
        assertThat(site.get("/internal/search/reindex", "X-Forwarded-For", "203.0.113.7").statusCode())
                .as("relayed by a proxy on this machine").isEqualTo(403);
    }
}
