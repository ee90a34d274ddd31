package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Localized;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.text.Slugs;
import org.masthead.support.Fixtures;
import org.masthead.support.HttpReceiver;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.VarnishServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Purges of the caches in front, through the outbox: Debian's varnishd with the shipped VCL in front of this
 * Masthead shows a correction as soon as the outbox has run (not after s-maxage), and Fastly's and Cloudflare's
 * purge APIs (a local receiver here) are sent the change's keys with their tokens, again and again until they
 * confirm.
 */
@MastheadTest
@ExtendWith(OutputCaptureExtension.class)
class FrontCachePurgeIntegrationTest {

    static final HttpReceiver API = new HttpReceiver();
    static final int VARNISH_PORT = VarnishServer.freePort();
    static final String FASTLY_TOKEN = "fastly-token-" + Fixtures.unique("t");
    static final String CLOUDFLARE_TOKEN = "cf-token-" + Fixtures.unique("t");
    static VarnishServer varnish;

    @DynamicPropertySource
    static void caches(DynamicPropertyRegistry registry) {
        registry.add("masthead.cache.enabled", () -> "true");
        registry.add("masthead.cache.front.varnish.urls", () -> "http://127.0.0.1:" + VARNISH_PORT);
        registry.add("masthead.cache.front.fastly.service-id", () -> "svc123");
        registry.add("masthead.cache.front.fastly.token", () -> FASTLY_TOKEN);
        registry.add("masthead.cache.front.fastly.api", API::url);
        registry.add("masthead.cache.front.cloudflare.zone-id", () -> "zone456");
        registry.add("masthead.cache.front.cloudflare.token", () -> CLOUDFLARE_TOKEN);
        registry.add("masthead.cache.front.cloudflare.api", () -> API.url() + "/client/v4");
    }

    @AfterAll
    static void stop() throws Exception {
        if (varnish != null) {
            varnish.close();
        }
        API.close();
    }

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired JsonMapper json;

    @BeforeEach
    void varnishInFront() throws Exception {
        if (varnish == null) {
            varnish = VarnishServer.start(VARNISH_PORT, port);
        }
        relay.drain();
    }

    @Test
    void aCorrectionIsVisibleThroughVarnishOnceTheOutboxHasRun() {
        var story = new Story("Harbour reopens after the storm");
        var reader = new SiteClient(VARNISH_PORT);
        var first = reader.get(story.path());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(reader.get(story.path()).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(first.headers().firstValue("xkey")).isEmpty();

        story.correct("The harbour reopened on Tuesday, not Monday.");
        relay.drain();

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(reader.get(story.path()).body()).contains("The harbour reopened on Tuesday, not Monday."));
        assertThat(reader.get(story.path()).headers().firstValue("X-Cache")).hasValue("HIT");
    }

    @Test
    void fastlyAndCloudflareAreSentTheKeysOfTheChangeWithTheirTokens(CapturedOutput output) {
        API.clear();
        var story = new Story("Grain corridor talks resume");
        relay.drain();

        // the relay's own thread may be handing the change over while this one drains
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var fastly = requests("/service/svc123/purge");
            assertThat(fastly).isNotEmpty().allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("Fastly-Key")).isEqualTo(FASTLY_TOKEN);
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("Fastly-Soft-Purge")).isEmpty();
            });
            assertThat(fastly.stream().flatMap(request -> keys(request.body(), "surrogate_keys").stream()))
                    .contains("story:" + story.id, "section:" + story.section, "home", "feed");
            var cloudflare = requests("/client/v4/zones/zone456/purge_cache");
            assertThat(cloudflare).isNotEmpty().allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + CLOUDFLARE_TOKEN);
            });
            assertThat(cloudflare.stream().flatMap(request -> keys(request.body(), "tags").stream()))
                    .contains("story:" + story.id, "section:" + story.section, "home");
        });
        assertThat(output.getAll()).doesNotContain(FASTLY_TOKEN, CLOUDFLARE_TOKEN);
    }

    @Test
    void aCacheThatRefusesIsAskedAgainUntilItConfirmsAndEachRefusalIsLogged(CapturedOutput output) {
        API.clear();
        API.refuse(2);
        var story = new Story("Power restored in the east");
        relay.drain();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(requests("/client/v4/zones/zone456/purge_cache")
                .stream().flatMap(request -> keys(request.body(), "tags").stream())).contains("story:" + story.id));
        assertThat(requests("/service/svc123/purge")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(output.getAll()).contains("Cannot purge", "Fastly service svc123 answered 503")
                .doesNotContain(FASTLY_TOKEN, CLOUDFLARE_TOKEN);
    }

    private static List<HttpReceiver.Request> requests(String path) {
        return API.requests().stream().filter(request -> request.path().equals(path)).toList();
    }

    private List<String> keys(String body, String field) {
        var keys = new java.util.ArrayList<String>();
        json.readTree(body).get(field).forEach(key -> keys.add(key.asString()));
        return keys;
    }

    /** A published story with a section of its own. */
    private final class Story {

        final long id;
        final long section;
        final String headline;
        final String sectionSlug = Fixtures.unique("section");
        int revision;

        Story(String headline) {
            this.headline = headline;
            section = taxonomy.addSection(sectionSlug, new Localized("Розділ " + sectionSlug, "Section " + sectionSlug, "Раздел " + sectionSlug));
            id = stories.create(new NewStory(section, EN, List.of(), List.of(), null));
            revision = save("First report.");
            stories.publish(id);
        }

        void correct(String text) {
            revision = save(text);
            stories.publish(id);
        }

        private int save(String text) {
            return stories.save(new SaveVersion(id, EN, revision, headline, "Standfirst", "", "", "", "", "",
                    List.of(new Block.Paragraph("p1", text)), "test"));
        }

        String path() {
            return "/en/" + sectionSlug + "/" + Slugs.of(headline, EN) + "-" + id;
        }
    }
}
