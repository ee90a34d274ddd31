package org.masthead.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.SaveVersion;
import org.masthead.content.Section;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

/**
 * A story written through the admin API with nested marks and links to other stories, read back on every
 * surface over real HTTP: the reader page (valid HTML), the full-text feed and the content API show the same
 * marks and the same link targets, a link follows a renamed story on the next render, and a story readers
 * cannot open is never linked.
 */
@MastheadTest
class RichTextSurfacesIntegrationTest {

    private static final String BASE = "http://localhost:8080";

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired OutboxRelay relay;
    @Autowired JsonMapper json;
    SiteClient site;
    Fixtures fixtures;
    long sectionId;
    String section;
    String token;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        sectionId = fixtures.section();
        section = taxonomy.sections().stream().filter(s -> s.id() == sectionId).map(Section::slug).findFirst().orElseThrow();
        token = Tokens.issue(new Staff(accounts).member(Role.EDITOR, Role.CONTRIBUTOR).signIn(port), "Wire",
                "read", "write", "publish");
    }

    @Test
    void nestedMarksAndStoryLinksRenderTheSameOnThePageInTheFeedAndInTheApi() throws Exception {
        long linked = fixtures.story().inSection(sectionId).in(EN, "The linked story").published();
        long draft = fixtures.story().inSection(sectionId).in(EN, "A draft nobody may see").draft();
        long ukrainian = fixtures.story().inSection(sectionId).in(UK, "Лише українською").published();
        var text = "Read the full report by the agency, then the linked story, the draft and the Ukrainian one.\n"
                + "E=mc2 in a second line.";
        var marks = new ArrayList<Map<String, Object>>();
        marks.add(mark("link", text, "the full report", Map.of("href", "https://example.org/report?a=1&b=2",
                "rel", List.of("nofollow"))));
        marks.add(mark("bold", text, "full report", Map.of()));
        marks.add(mark("italic", text, "report by the agency", Map.of()));
        marks.add(mark("storyLink", text, "the linked story", Map.of("storyId", linked)));
        marks.add(mark("storyLink", text, "the draft", Map.of("storyId", draft)));
        marks.add(mark("storyLink", text, "the Ukrainian one", Map.of("storyId", ukrainian)));
        marks.add(mark("superscript", text, "2", Map.of()));
        long id = create();
        var body = List.of(Map.of("type", "paragraph", "text", Map.of("text", text, "marks", marks)),
                Map.of("type", "list", "ordered", false, "items", List.of("plain item",
                        Map.of("text", "sponsored item", "marks", List.of(mark("link", "sponsored item", "sponsored",
                                Map.of("href", "https://shop.example/", "rel", List.of("sponsored"))))))));
        var saved = put(id, Map.of("basedOnRevision", 0, "headline", "Marks everywhere", "standfirst", "All surfaces.",
                "body", body));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        publish(id);

        var linkedPath = "/en/" + section + "/the-linked-story-" + linked;
        var ukrainianPath = "/uk/" + section + "/lyshe-ukrainskoiu-" + ukrainian;
        var expected = "Read <a href=\"https://example.org/report?a=1&amp;b=2\" rel=\"noopener nofollow\">the "
                + "<strong>full <em>report</em></strong></a><em> by the agency</em>, then "
                + "<a href=\"" + linkedPath + "\">the linked story</a>, the draft and "
                + "<a href=\"" + ukrainianPath + "\" hreflang=\"uk\">the Ukrainian one</a>.<br>E=mc<sup>2</sup> in a second line.";

        var page = site.get("/en/" + section + "/marks-everywhere-" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p>" + expected + "</p>")
                .contains("<li><a href=\"https://shop.example/\" rel=\"noopener sponsored\">sponsored</a> item</li>")
                .doesNotContain("-" + draft + "\"");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
        // structured data and link previews carry the plain text only
        assertThat(page.body()).doesNotContain("\"headline\":\"Marks everywhere<");

        var feed = site.get("/en/" + section + "/feed/rss-full.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        var feedHtml = feedContent(feed.body());
        assertThat(feedHtml).contains("<strong>full <em>report</em></strong>")
                .contains("href=\"" + BASE + linkedPath + "\"")
                .contains("href=\"" + BASE + ukrainianPath + "\" hreflang=\"uk\"")
                .contains("<sup>2</sup>").contains("<br />").contains(", the draft and ")
                .doesNotContain("-" + draft + "\"");

        var api = json.readTree(site.get("/api/v1/stories/" + id + "/en").body());
        var paragraph = api.path("body").get(0).path("text");
        assertThat(paragraph.path("text").asString()).isEqualTo(text);
        assertThat(paragraph.path("html").asString().replace(BASE, "")).isEqualTo(expected);
        var storyLinks = paragraph.path("marks").valueStream().filter(m -> m.path("type").asString().equals("storyLink"))
                .toList();
        assertThat(storyLinks).extracting(m -> m.path("storyId").asLong()).containsExactly(linked, draft, ukrainian);
        assertThat(storyLinks.get(0).path("url").asString()).isEqualTo(BASE + linkedPath);
        assertThat(storyLinks.get(0).path("api").asString()).isEqualTo(BASE + "/api/v1/stories/" + linked + "/en");
        assertThat(storyLinks.get(1).has("url")).isFalse();
        assertThat(storyLinks.get(2).path("hreflang").asString()).isEqualTo("uk");
        assertThat(api.path("body").get(1).path("items").get(1).path("marks").get(0).path("rel").get(0).asString())
                .isEqualTo("sponsored");

        // the linked story gets a new headline, so a new slug: the next render links to it
        stories.save(new SaveVersion(linked, EN, 1, "The renamed story", "Standfirst", "", "", "", "", "",
                stories.working(linked, EN).orElseThrow().body(), "test"));
        stories.publish(linked);
        relay.drain();
        var renamed = "/en/" + section + "/the-renamed-story-" + linked;
        assertThat(site.get("/en/" + section + "/marks-everywhere-" + id).body()).contains("<a href=\"" + renamed + "\">")
                .doesNotContain(linkedPath + "\"");
        assertThat(json.readTree(site.get("/api/v1/stories/" + id + "/en").body()).path("body").get(0).path("text")
                .path("html").asString()).contains(BASE + renamed);

        // a link that shows a version in another language follows that version's new address too
        stories.save(new SaveVersion(ukrainian, UK, 1, "Нова назва", "Лід", "", "", "", "", "",
                stories.working(ukrainian, UK).orElseThrow().body(), "test"));
        stories.publish(ukrainian);
        relay.drain();
        assertThat(site.get("/en/" + section + "/marks-everywhere-" + id).body())
                .contains("<a href=\"/uk/" + section + "/nova-nazva-" + ukrainian + "\" hreflang=\"uk\">");
    }

    @Test
    void marksNeverSplitAWordForSearchAndTheOpenApiDocumentDescribesThemByType() {
        var word = Fixtures.unique("seaport").replace("-", "");
        long id = create();
        var text = "The " + word + " reopened.";
        var saved = put(id, Map.of("basedOnRevision", 0, "headline", "Searchable marks", "body", List.of(
                Map.of("type", "paragraph", "text", Map.of("text", text, "marks", List.of(
                        Map.of("type", "bold", "start", 4, "end", 7), Map.of("type", "italic", "start", 7, "end", 9)))))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        publish(id);
        var found = json.readTree(site.get("/api/v1/search?q=" + word + "&language=en").body());
        assertThat(found.path("items").valueStream().map(i -> i.path("id").asLong())).contains(id);
        assertThat(found.path("items").get(0).path("snippet").asString()).contains(word).doesNotContain("<", "*");

        var openApi = json.readTree(site.get("/api/v1/openapi.json").body());
        var schemas = openApi.path("components").path("schemas");
        assertThat(schemas.path("MarkResponse").path("discriminator").path("propertyName").asString()).isEqualTo("type");
        assertThat(schemas.path("MarkResponse").path("discriminator").path("mapping").path("storyLink").asString())
                .endsWith("StoryLinkMarkResponse");
        assertThat(schemas.path("RichTextResponse").path("properties").has("html")).isTrue();
    }

    @Test
    void badMarksAreRefusedWithA400NamingTheFieldAndNothingIsSaved() {
        long id = create();
        var body = List.of(Map.of("type", "paragraph", "text", Map.of("text", "click here", "marks", List.of(
                Map.of("type", "link", "start", 6, "end", 10, "href", " java\tscript:alert(1)")))),
                Map.of("type", "paragraph", "text", Map.of("text", "overlap", "marks", List.of(
                        Map.of("type", "bold", "start", 0, "end", 5), Map.of("type", "bold", "start", 3, "end", 7),
                        Map.of("type", "italic", "start", 2, "end", 90)))));
        var refused = put(id, Map.of("basedOnRevision", 0, "headline", "Refused", "body", body));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var problem = json.readTree(refused.body());
        assertThat(problem.path("field").asString()).isEqualTo("body[0].text.marks[0].href");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("body[0].text.marks[0].href", "body[1].text.marks[1]", "body[1].text.marks[2]");
        assertThat(problem.path("errors").get(0).path("detail").asString()).contains("http, https, mailto or tel");
        assertThat(stories.working(id, EN)).isEmpty();

        var unknownMark = put(id, Map.of("basedOnRevision", 0, "headline", "Unknown", "body", List.of(Map.of(
                "type", "paragraph", "text", Map.of("text", "x", "marks", List.of(Map.of("type", "blink", "start", 0,
                        "end", 1)))))));
        assertThat(unknownMark.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownMark.body()).path("field").asString()).isEqualTo("body[0].text.marks[0]");

        var headline = put(id, Map.of("basedOnRevision", 0, "headline", "Price \u202E001$", "body", List.of()));
        assertThat(headline.statusCode()).isEqualTo(400);
        assertThat(json.readTree(headline.body()).path("field").asString()).isEqualTo("headline");
    }

    @Test
    void aHeadlineWithAControlCharacterIsCleanedSoTheSitemapsStayWhole() {
        long id = create();
        var saved = put(id, Map.of("basedOnRevision", 0, "headline", "Control\u0001 character\u000B here",
                "body", List.of(Map.of("type", "paragraph", "text", "Body\u0002 text"))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        publish(id);
        assertThat(stories.working(id, EN).orElseThrow().headline()).isEqualTo("Control character here");
        assertThat(site.get("/sitemaps/news.xml").statusCode()).isEqualTo(200);
        assertThat(site.get("/sitemap.xml").statusCode()).isEqualTo(200);
        assertThat(site.get("/en/" + section + "/feed/rss-full.xml").statusCode()).isEqualTo(200);
    }

    private static Map<String, Object> mark(String type, String text, String covered, Map<String, Object> more) {
        int start = text.indexOf(covered);
        var mark = new LinkedHashMap<String, Object>();
        mark.put("type", type);
        mark.put("start", start);
        mark.put("end", start + covered.length());
        mark.putAll(more);
        return mark;
    }

    private long create() {
        var created = send("POST", "/api/v1/admin/stories", "{\"section\":\"" + section + "\",\"sourceLanguage\":\"en\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asLong();
    }

    private void publish(long id) {
        for (var action : List.of("submit", "publish")) {
            var changed = send("POST", "/api/v1/admin/stories/" + id + "/status", "{\"action\":\"" + action + "\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        }
        relay.drain();
    }

    private HttpResponse<String> put(long id, Map<String, Object> body) {
        return send("PUT", "/api/v1/admin/stories/" + id + "/en", json.writeValueAsString(body));
    }

    private HttpResponse<String> send(String method, String path, String body) {
        var request = HttpRequest.newBuilder(site.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return site.send(request);
    }

    /** The HTML of the feed's first item that holds marks, as a feed reader gets it. */
    private static String feedContent(String rss) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(rss.getBytes(StandardCharsets.UTF_8)));
        var contents = document.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded");
        for (int i = 0; i < contents.getLength(); i++) {
            var html = contents.item(i).getTextContent();
            if (html.contains("<strong>")) {
                return html;
            }
        }
        throw new AssertionError("No feed item with marks in " + Pattern.compile("\\s+").matcher(rss).replaceAll(" "));
    }
}
