package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.masthead.content.StoryStatus;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.distribution.NewWebhook;
import org.masthead.distribution.WebhookEvent;
import org.masthead.distribution.Webhooks;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.ChildNode;
import org.masthead.support.Fixtures;
import org.masthead.support.HaproxyServer;
import org.masthead.support.HttpReceiver;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.OpenSearchNode;
import org.masthead.support.S3Server;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A cluster on real engines: this test's node and a second node in a process of its own, on one PostgreSQL
 * database, images in a bucket of an S3-compatible server (s3proxy), search on one OpenSearch node (the test JVM's,
 * shared with the other OpenSearch tests), behind Debian's HAProxy with the shipped configuration. An image uploaded
 * through one node is served by the other and through the load balancer by both; a story published through the
 * second node is found within a second by the search of each node and through the balancer; a webhook and a
 * scheduled story's publication happen once however many nodes run; the second node killed with SIGKILL and started
 * again catches up with what was published meanwhile. One test, so the cluster starts once.
 */
@MastheadTest
@EnabledIf("org.masthead.support.TestDatabase#onPostgres")
class ClusterIntegrationTest {

    static final S3Server S3 = S3Server.start();
    static final String BUCKET = "cluster-media";

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        for (var setting : clusterSettings()) {
            var pair = setting.substring(2).split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    /** What every node of the cluster is started with: the bucket, the OpenSearch index, a quick schedule. */
    private static List<String> clusterSettings() {
        var settings = new ArrayList<>(S3.settings(BUCKET));
        settings.addAll(List.of("--masthead.search.engine=opensearch", "--masthead.search.opensearch.replicas=0",
                "--masthead.search.opensearch.url=" + OpenSearchNode.url(),
                "--masthead.search.opensearch.index=cluster-" + ProcessHandle.current().pid(),
                "--masthead.editorial.schedule-poll-interval=1s"));
        return settings;
    }

    @AfterAll
    static void stop() throws Exception {
        S3.close();
    }

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Webhooks webhooks;
    @Autowired OutboxRelay relay;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoNodesBehindHaproxyShareImagesActOnceAndANodeKilledCatchesUp() throws Exception {
        var fixtures = new Fixtures(stories, taxonomy);
        try (var receiver = new HttpReceiver();
                var second = ChildNode.start(environment, clusterSettings());
                var balancer = HaproxyServer.start(List.of(port, second.port()))) {
            var hook = webhooks.register(new NewWebhook(receiver.url() + "/hook", Set.of(WebhookEvent.PUBLISHED), "cluster"),
                    "test");

            // an image uploaded through this node is served by the other, and through the balancer by both
            var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
            editor.get("/newsroom/media");
            var upload = editor.upload("/newsroom/media", "photo.png", Images.png(800, 500));
            assertThat(upload.statusCode()).isEqualTo(302);
            long image = Long.parseLong(upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/media/", ""));
            jdbc.sql("update media_asset set published_at = 1 where id = :id").param("id", image).update();
            var here = get("http://127.0.0.1:" + port + "/media/" + image + "/400.jpg");
            var there = get(second.url() + "/media/" + image + "/400.jpg");
            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).isEqualTo(here.body());
            assertThat(there.headers().firstValue("ETag")).isEqualTo(here.headers().firstValue("ETag"));
            for (int i = 0; i < 4; i++) {
                assertThat(get(balancer.url() + "/media/" + image + "/400.jpg").body()).isEqualTo(here.body());
            }

            // a story published through the other node is found within a second by the search of each node and of
            // the balancer (twice: each node behind it), past the pages each had cached without it
            var word = word();
            long searched = fixtures.story().in(EN, "Harbour " + word + " reopens").draft();
            stories.moveTo(searched, StoryStatus.IN_REVIEW, null);
            var searches = List.of("http://127.0.0.1:" + port, second.url(), balancer.url(), balancer.url());
            for (var node : searches) {
                assertThat(search(node, word)).doesNotContain("Harbour " + word);
            }
            var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(second.port()), "cluster", "publish");
            var publish = http.send(HttpRequest.newBuilder(URI.create(second.url() + "/api/v1/admin/stories/" + searched
                            + "/status")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"publish\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
                for (var node : searches) {
                    assertThat(search(node, word)).as(node).contains("Harbour " + word + " reopens");
                }
            });

            // a story published now and one due while both nodes poll the schedule: each is told once
            var publishedHeadline = Fixtures.unique("Cluster hooked story");
            long published = fixtures.story().in(EN, publishedHeadline).published();
            var scheduledHeadline = Fixtures.unique("Cluster scheduled story");
            long scheduled = fixtures.story().in(EN, scheduledHeadline).draft();
            stories.moveTo(scheduled, StoryStatus.SCHEDULED, Instant.now().minusSeconds(1));
            stories.approve(scheduled);
            relay.drain();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(deliveries(receiver, published)).isEqualTo(1);
                assertThat(deliveries(receiver, scheduled)).isEqualTo(1);
            });
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(deliveries(receiver, published)).isEqualTo(1);
                assertThat(deliveries(receiver, scheduled)).isEqualTo(1);
            });
            assertThat(jdbc.sql("select count(*) from outbox_event where type = 'StoryPublished' and payload like :story")
                    .param("story", "%\"storyId\":" + scheduled + ",%").query(Long.class).single()).isEqualTo(1);

            // the other node killed outright misses a publication, and catches up once started again
            second.kill();
            var missed = word();
            fixtures.story().in(EN, "Ferry " + missed + " returns").published();
            relay.drain();
            second.restart();
            // the index consumer's lease may have been the killed node's: it runs out and this node takes over
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(search(second.url(), missed)).contains("Ferry " + missed);
                assertThat(search("http://127.0.0.1:" + port, missed)).contains("Ferry " + missed);
            });
            webhooks.remove(hook.webhook().id(), "test");
        }
    }

    private static long deliveries(HttpReceiver receiver, long storyId) {
        return receiver.requests().stream().filter(request -> request.path().equals("/hook"))
                .filter(request -> request.body().contains("\"storyId\":" + storyId + ",")
                        || request.body().contains("\"storyId\":" + storyId + "}"))
                .count();
    }

    private static String word() {
        return "zorblat" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    }

    /** The search API's answer on the node (or balancer) at {@code base}. */
    private String search(String base, String word) throws Exception {
        var response = get(base + "/api/v1/search?language=en&q=" + word);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
