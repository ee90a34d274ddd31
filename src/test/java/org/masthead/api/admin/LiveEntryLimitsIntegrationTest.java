package org.masthead.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live blog entries through the admin API at and past their limits: an entry too large for its size or its blocks
 * is answered with a problem document (413 or 422, nothing saved), one for an ended live blog 422, and one token
 * posting faster than its limit 429 with Retry-After while other tokens, even from the same address, go on.
 */
@MastheadTest
class LiveEntryLimitsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired LiveBlogs blogs;
    Fixtures fixtures;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(stories, taxonomy);
    }

    @Test
    void anEntryPastItsLimitsIsRefusedWithAProblemAndNothingIsSaved() throws Exception {
        long id = liveBlog();
        var token = token("Limits");

        // at the limits: the most blocks, nearly the most text
        var full = new ArrayList<String>();
        for (int i = 0; i < LiveBlogs.MAX_ENTRY_BLOCKS; i++) {
            full.add(paragraph("p" + i, "ж".repeat(LiveBlogs.MAX_ENTRY_TEXT / LiveBlogs.MAX_ENTRY_BLOCKS - 10)));
        }
        assertThat(post(id, token, entry(full), null).statusCode()).isEqualTo(201);

        var tooMany = new ArrayList<>(full.subList(0, 1));
        for (int i = 0; i < LiveBlogs.MAX_ENTRY_BLOCKS; i++) {
            tooMany.add(paragraph("q" + i, "Short."));
        }
        var blocks = post(id, token, entry(tooMany), null);
        assertThat(blocks.statusCode()).isEqualTo(422);
        assertThat(blocks.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = JSON.readTree(blocks.body());
        assertThat(problem.path("title").asString()).isEqualTo("Entry too large");
        assertThat(problem.path("field").asString()).isEqualTo("body");
        assertThat(problem.path("detail").asString()).contains("at most " + LiveBlogs.MAX_ENTRY_BLOCKS + " blocks");

        var long1 = "a".repeat(LiveBlogs.MAX_ENTRY_TEXT / 2 + 1);
        var text = post(id, token, entry(List.of(paragraph("p1", long1), paragraph("p2", long1))), null);
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(text.body()).path("detail").asString()).contains("At most " + LiveBlogs.MAX_ENTRY_TEXT + " characters");

        // a body past the byte limit: refused before it is parsed when its length is known, and while it is read
        // when it comes in chunks
        var huge = entry(List.of(paragraph("p1", "x".repeat(RequestBodyLimit.ENTRY_BYTES))));
        var sized = post(id, token, huge, null);
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(sized.body()).path("field").asString()).isEqualTo("body");
        var chunked = post(id, token, huge, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(chunked.body()).path("title").asString()).isEqualTo("Entry too large");

        assertThat(blogs.count(id, null)).as("only the entry at the limits").isEqualTo(1);

        // an ended live blog takes nothing
        blogs.setState(id, LiveBlog.State.ENDED, true);
        var ended = post(id, token, entry(List.of(paragraph("p1", "Too late."))), null);
        assertThat(ended.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(ended.body()).path("field").asString()).isEqualTo("state");
        assertThat(blogs.count(id, null)).isEqualTo(1);
    }

    @Test
    void oneTokenPostingTooFastIsToldToWaitWhileOtherTokensFromTheSameAddressGoOn() throws Exception {
        long id = liveBlog();
        var address = "198.51.100.77";
        // the newsroom's desks behind one address post more than one token or the rest of the admin API may
        var desks = List.of(token("Desk one"), token("Desk two"), token("Desk three"));
        for (int i = 0; i < 50; i++) {
            for (var desk : desks) {
                assertThat(post(id, desk, entry(List.of(paragraph("p1", "Desk entry " + i))), null, address).statusCode())
                        .isEqualTo(201);
            }
        }
        assertThat(blogs.count(id, null)).isEqualTo(150);

        // a token of its own, from an address of its own, so that only the token's limit can answer
        var elsewhere = "198.51.100.78";
        var runaway = token("Runaway");
        HttpResponse<String> last = null;
        int posted = 0;
        for (int i = 0; i < 400; i++) {
            last = post(id, runaway, entry(List.of(paragraph("p1", "Flood " + i))), null, elsewhere);
            if (last.statusCode() != 201) {
                break;
            }
            posted++;
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(posted).as("the burst of one token").isGreaterThanOrEqualTo(60);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(last.body()).path("detail").asString()).contains("at most 300 entries a minute");
        // the others are not held back by it
        assertThat(post(id, token("Desk four"), entry(List.of(paragraph("p1", "Still here"))), null, elsewhere).statusCode())
                .isEqualTo(201);
    }

    // ---- helpers ----

    private long liveBlog() {
        long id = fixtures.story().in(EN, Fixtures.unique("Live limits")).published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        return id;
    }

    private String token(String name) {
        return Tokens.issue(new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port), name, "read", "write", "publish");
    }

    private static String paragraph(String key, String text) {
        return "{\"type\":\"paragraph\",\"id\":\"" + key + "\",\"text\":{\"text\":\"" + text + "\",\"marks\":[]}}";
    }

    private static String entry(List<String> blocks) {
        return "{\"language\":\"en\",\"author\":\"Wire desk\",\"headline\":\"\",\"body\":[" + String.join(",", blocks) + "]}";
    }

    private HttpResponse<String> post(long id, String token, String json, HttpRequest.BodyPublisher body) throws Exception {
        return post(id, token, json, body, null);
    }

    private HttpResponse<String> post(long id, String token, String json, HttpRequest.BodyPublisher body, String from)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/stories/" + id
                        + "/live/entries"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.ofString(json) : body);
        if (from != null) {
            request.header("X-Forwarded-For", from);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
