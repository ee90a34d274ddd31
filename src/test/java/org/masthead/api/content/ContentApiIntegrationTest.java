package org.masthead.api.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masthead.content.Block;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public content API over real HTTP: pagination, filters, ETags, CORS and problem documents. */
@MastheadTest
class ContentApiIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired JsonMapper json;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
    }

    @Test
    void cursorPaginationVisitsEveryVersionOnceEvenWhileStoriesArePublished() {
        long section = fixtures.section();
        var slug = slugOf(section);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 7; i++) {
            ids.add(fixtures.story().inSection(section).in(EN, "Paged " + i).in(UK, "Сторінка " + i).published());
        }
        var seen = new ArrayList<String>();
        var next = "/api/v1/stories?section=" + slug + "&limit=3";
        int pages = 0;
        while (next != null) {
            var page = getJson(next);
            page.path("items").forEach(item -> seen.add(item.path("id").asLong() + ":" + item.path("language").asString()));
            if (pages == 0) {
                // a story published while a client pages through must not shift the pages after it
                fixtures.story().inSection(section).in(EN, "Published meanwhile").published();
            }
            next = page.has("next") ? page.path("next").asString().substring("http://localhost:8080".length()) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(14).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen.stream().map(s -> Long.parseLong(s.split(":")[0])).toList())).containsAll(ids);
    }

    @Test
    void filtersByLanguageTagAuthorAndUpdatedSince() {
        long section = fixtures.section();
        var slug = slugOf(section);
        long first = fixtures.story().inSection(section).in(RU, "Первая").in(EN, "First").published();
        // the second story changes exactly at the cut, one millisecond after the first
        var cut = stories.published(first, RU).orElseThrow().updatedAt().plusMillis(1);
        long second = fixtures.story().inSection(section).in(RU, "Вторая").draft();
        stories.publish(second, cut);

        var russian = getJson("/api/v1/stories?section=" + slug + "&language=ru");
        assertThat(russian.path("items")).extracting(i -> i.path("id").asLong()).containsExactly(second, first);
        assertThat(russian.path("items").get(0).path("url").asString())
                .isEqualTo("http://localhost:8080/ru/" + slug + "/vtoraia-" + second);
        assertThat(russian.path("items").get(0).path("api").asString())
                .isEqualTo("http://localhost:8080/api/v1/stories/" + second + "/ru");
        var since = getJson("/api/v1/stories?section=" + slug + "&updated_since=" + cut);
        assertThat(since.path("items")).extracting(i -> i.path("id").asLong()).containsExactly(second);
        // an offset with "+" survives into the next page's link
        var offset = java.time.OffsetDateTime.ofInstant(cut.minusSeconds(3600), java.time.ZoneOffset.ofHours(2)).toString();
        var pageOne = getJson("/api/v1/stories?section=" + slug + "&limit=1&updated_since="
                + java.net.URLEncoder.encode(offset, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(pageOne.path("next").asString()).contains("updated_since=" + offset.replace("+", "%2B").replace(":", "%3A"));
        var pageTwo = getJson(pageOne.path("next").asString().substring("http://localhost:8080".length()));
        assertThat(pageTwo.path("items")).extracting(i -> i.path("id").asLong()).containsExactly(first);
        assertThat(getJson("/api/v1/stories?tag=energy&language=en&limit=100").path("items"))
                .isNotEmpty().allSatisfy(i -> assertThat(i.path("language").asString()).isEqualTo("en"));
        assertThat(getJson("/api/v1/stories?author=olena-marchenko&language=uk").path("items")).isNotEmpty();
    }

    @Test
    void aStoryHasItsBodyAsStructuredBlocks() {
        long target = fixtures.story().in(EN, "The target").published();
        long id = fixtures.story().in(EN, "Structured").in(UK, "Структуровано")
                .body(new Block.Paragraph("p1", "<b>Plain</b> text"), new Block.Subheading("s1", "Heading"),
                        new Block.Quote("q1", "Quoted", "Speaker", "Role"),
                        Block.BulletList.of("l1", true, List.of("one", "two")),
                        new Block.ReadAlso("r1", target), new Block.Embed("e1", "https://example.org/x", "Example"))
                .published();
        var story = getJson("/api/v1/stories/" + id + "/en");
        assertThat(story.path("headline").asString()).isEqualTo("Structured");
        assertThat(story.path("translations").path("uk").asString())
                .isEqualTo("http://localhost:8080/api/v1/stories/" + id + "/uk");
        var body = story.path("body");
        assertThat(body).extracting(b -> b.path("type").asString())
                .containsExactly("paragraph", "subheading", "quote", "list", "readAlso", "embed");
        assertThat(body.get(0).path("text").path("text").asString()).isEqualTo("<b>Plain</b> text");
        assertThat(body.get(0).path("text").path("marks")).isEmpty();
        assertThat(body.get(0).path("text").path("html").asString()).isEqualTo("&lt;b&gt;Plain&lt;/b&gt; text");
        assertThat(body.get(2).path("speaker").asString()).isEqualTo("Speaker");
        assertThat(body.get(3).path("items")).hasSize(2);
        assertThat(body.get(4).path("headline").asString()).isEqualTo("The target");
        assertThat(story.path("publishedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(story.path("section").path("slug").asString()).startsWith("section-");
    }

    @Test
    void aDemoStoryCarriesItsLeadImageAuthorsAndTags() {
        var item = getJson("/api/v1/stories?language=en&tag=energy&limit=1").path("items").get(0);
        assertThat(item.path("leadImage").path("url").asString()).matches("http://localhost:8080/media/\\d+/\\d+\\.jpg");
        var story = getJson(item.path("api").asString().substring("http://localhost:8080".length()));
        assertThat(story.path("authors")).isNotEmpty();
        assertThat(story.path("tags")).extracting(t -> t.path("slug").asString()).contains("energy");
        assertThat(story.path("leadImage").path("credit").asString()).isNotBlank();
    }

    @Test
    void etagsAnswerNotModifiedUntilTheStoryChanges() {
        long id = fixtures.story().in(EN, "Tagged").published();
        var path = "/api/v1/stories/" + id + "/en";
        var first = site.get(path);
        var etag = first.headers().firstValue("ETag").orElseThrow();

        var again = site.get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        stories.save(new SaveVersion(id, EN, 1, "Tagged again", "S", "", "", "", "", "", List.of(), "test"));
        stories.publish(id);
        var changed = site.get(path, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(site.get("/api/v1/sections", "If-None-Match",
                site.get("/api/v1/sections").headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void anyWebPageMayReadTheApi() {
        var simple = site.get("/api/v1/tags", "Origin", "https://reader.example");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        var preflight = site.send(HttpRequest.newBuilder(site.uri("/api/v1/stories"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://reader.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).get().asString().contains("GET");
        var write = site.send(HttpRequest.newBuilder(site.uri("/api/v1/stories"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://reader.example")
                .header("Access-Control-Request-Method", "DELETE"));
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void sectionsTagsAndAuthorsAreListedInEveryLanguage() {
        var sections = getJson("/api/v1/sections");
        assertThat(sections).extracting(s -> s.path("slug").asString()).contains("politics", "economy");
        assertThat(sections.get(0).path("name").path("uk").asString()).isNotBlank();
        assertThat(sections.get(0).path("urls").path("en").asString()).startsWith("http://localhost:8080/en/");
        assertThat(getJson("/api/v1/tags")).extracting(s -> s.path("slug").asString()).contains("energy");
        assertThat(getJson("/api/v1/authors")).extracting(s -> s.path("slug").asString()).contains("olena-marchenko");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/stories?language=de|language",
            "/api/v1/stories?section=nowhere|section",
            "/api/v1/stories?tag=NOT_A_SLUG|tag",
            "/api/v1/stories?author=nobody-at-all|author",
            "/api/v1/stories?updated_since=yesterday|updated_since",
            "/api/v1/stories?limit=0|limit",
            "/api/v1/stories?limit=101|limit",
            "/api/v1/stories?limit=ten|limit",
            "/api/v1/stories?cursor=bm9wZQ|cursor",
            "/api/v1/stories?cursor=%25%25|cursor",
            "/api/v1/stories?langauge=en|langauge",
            "/api/v1/stories?language=en&language=uk|language",
            "/api/v1/sections?page=2|page"})
    void badParametersAnswerBadRequestNamingTheParameter(String path, String parameter) {
        var response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/api/v1/");
    }

    @Test
    void missingAndWithdrawnStoriesAreProblemsToo() {
        long id = fixtures.story().in(EN, "Soon withdrawn").published();
        stories.unpublish(id);
        assertProblem("/api/v1/stories/" + id + "/en", 410);
        assertProblem("/api/v1/stories/" + id + "/de", 404);
        assertProblem("/api/v1/stories/999999999/en", 404);
        assertProblem("/api/v1/nothing-here", 404);
        long draft = fixtures.story().in(EN, "Only a draft").draft();
        assertProblem("/api/v1/stories/" + draft + "/en", 404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        var response = site.get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        var document = json.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Masthead content API");
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/stories",
                "/api/v1/stories/{id}/{language}", "/api/v1/sections", "/api/v1/tags", "/api/v1/authors");
    }

    private void assertProblem(String path, int status) {
        var response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(status);
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return json.readTree(response.body());
    }

    private String slugOf(long sectionId) {
        return taxonomy.sections().stream().filter(s -> s.id() == sectionId).findFirst().orElseThrow().slug();
    }
}
