package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * WebSub and IndexNow with both configured, against a receiver on 127.0.0.1 standing in for the hub and the
 * IndexNow endpoint: feeds advertise the hub, a publication pings it with every changed feed and submits the
 * story's addresses, and the key file is served as the protocol says.
 */
@MastheadTest
class NotificationsIntegrationTest {

    static final String KEY = "3f6c2a1b9d8e4f70a5b6c7d8e9f01234";
    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("masthead.distribution.websub.hub", RECEIVER::url);
        registry.add("masthead.distribution.index-now.key", () -> KEY);
        registry.add("masthead.distribution.index-now.endpoint", RECEIVER::url);
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    SiteClient site;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        relay.drain();
    }

    @Test
    void theKeyFileIsServedAndNoOtherName() {
        var key = site.get("/" + KEY + ".txt");
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(key.body()).isEqualTo(KEY);
        assertThat(site.get("/0123456789abcdef.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void everyFeedNamesTheHubInTheDocumentAndInALinkHeader() {
        for (var path : List.of("/en/feed/rss.xml", "/uk/politics/feed/atom-full.xml")) {
            var feed = site.get(path);
            assertThat(feed.body()).as(path).containsPattern("<atom:link (href=\"" + RECEIVER.url() + "\" rel=\"hub\""
                    + "|rel=\"hub\" href=\"" + RECEIVER.url() + "\")|<link (href=\"" + RECEIVER.url() + "\" rel=\"hub\""
                    + "|rel=\"hub\" href=\"" + RECEIVER.url() + "\")");
            assertThat(feed.headers().allValues("Link")).as(path).contains("<" + RECEIVER.url() + ">; rel=\"hub\"",
                    "<http://localhost:8080" + path + ">; rel=\"self\"");
        }
    }

    @Test
    void aPublicationPingsTheHubWithEveryChangedFeedAndSubmitsTheStoryToIndexNow() {
        var fixtures = new Fixtures(stories, taxonomy);
        long section = fixtures.section();
        var sectionSlug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        var tag = taxonomy.tags().getFirst();
        var author = taxonomy.authors().getFirst();
        long id = stories.create(new NewStory(section, EN, List.of(author.id()), List.of(tag.id()), null));
        for (var language : List.of(EN, UK)) {
            stories.save(new SaveVersion(id, language, 0, "Announced " + language.code() + " " + id, "Standfirst", "", "",
                    "", "", "", List.of(), "test"));
        }
        var sectionFeed = "hub.url=" + java.net.URLEncoder.encode("http://localhost:8080/en/" + sectionSlug + "/feed/rss.xml",
                StandardCharsets.UTF_8);
        java.util.function.Predicate<WebhookReceiver.Received> ping = r -> r.body().startsWith("hub.mode=publish")
                && r.body().contains(sectionFeed);
        java.util.function.Predicate<WebhookReceiver.Received> submitted = r -> r.body().startsWith("{")
                && r.body().contains("-" + id + "\"");
        stories.publish(id);
        relay.drain();

        var pinged = RECEIVER.await(ping, 1, Duration.ofSeconds(20)).getFirst();
        var topics = Arrays.stream(pinged.body().split("&")).filter(p -> p.startsWith("hub.url="))
                .map(p -> URLDecoder.decode(p.substring("hub.url=".length()), StandardCharsets.UTF_8)).toList();
        assertThat(topics).contains("http://localhost:8080/en/feed/rss.xml", "http://localhost:8080/uk/feed/atom-full.xml",
                "http://localhost:8080/en/" + sectionSlug + "/feed/rss.xml",
                "http://localhost:8080/uk/tag/" + tag.slug() + "/feed/atom.xml",
                "http://localhost:8080/en/author/" + author.slug() + "/feed/rss-full.xml")
                .doesNotContain("http://localhost:8080/ru/feed/rss.xml");

        var submission = JsonMapper.builder().build().readTree(RECEIVER.await(submitted, 1, Duration.ofSeconds(20))
                .getFirst().body());
        assertThat(submission.path("host").asString()).isEqualTo("localhost");
        assertThat(submission.path("key").asString()).isEqualTo(KEY);
        assertThat(submission.path("keyLocation").asString()).isEqualTo("http://localhost:8080/" + KEY + ".txt");
        var english = stories.published(id, EN).orElseThrow();
        assertThat(submission.path("urlList").values().stream().map(u -> u.asString()).toList())
                .containsExactlyInAnyOrder("http://localhost:8080/en/" + sectionSlug + "/" + english.slug() + "-" + id,
                        "http://localhost:8080/uk/" + sectionSlug + "/" + stories.published(id, UK).orElseThrow().slug() + "-" + id);

        // an update is submitted again; a withdrawal pings the hub only
        stories.save(new SaveVersion(id, EN, 1, "Announced again " + id, "Standfirst", "", "", "", "", "", List.of(), "test"));
        stories.publish(id);
        relay.drain();
        assertThat(RECEIVER.await(submitted, 2, Duration.ofSeconds(20)).get(1).body()).contains("announced-again-" + id);
        RECEIVER.await(ping, 2, Duration.ofSeconds(20));
        stories.unpublish(id);
        relay.drain();
        RECEIVER.await(ping, 3, Duration.ofSeconds(20));
        assertThat(RECEIVER.received(submitted)).hasSize(2);
    }
}
