package org.masthead.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxConsumers;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchUnavailable;
import org.masthead.support.Fixtures;
import org.masthead.support.OpenSearchNode;
import org.masthead.support.SecondNode;
import org.masthead.support.SiteClient;
import org.masthead.support.TcpRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with {@code masthead.search.engine=opensearch}, on a real OpenSearch node reached through a relay
 * the test can cut: stories are found through the search page and API, the index consumer runs once per cluster,
 * a story published on a second node is found by this node's search, and while OpenSearch is unreachable search
 * answers 503 with Retry-After, publishing goes on, and the index catches up from the outbox once it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.search.engine=opensearch", "masthead.search.opensearch.replicas=0"})
class OpenSearchIntegrationTest {

    private static final int RELAY_PORT = 8194;
    private static TcpRelay link;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        var node = OpenSearchNode.url();
        link = new TcpRelay(RELAY_PORT, node.getPort());
        registry.add("masthead.search.opensearch.url", () -> "http://127.0.0.1:" + RELAY_PORT);
        registry.add("masthead.search.opensearch.index", () -> "app-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void closeLink() {
        link.close();
    }

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired OutboxConsumers consumers;
    @Autowired SearchIndex index;
    @Autowired Environment environment;
    @LocalServerPort int port;

    @Test
    void storiesAreFoundOnOpenSearchByOneIndexConsumerForTheCluster() {
        assertThat(index).isInstanceOf(OpenSearchSearchIndex.class);
        assertThat(consumers.scopeOf("search-index")).isEqualTo(OutboxConsumers.Scope.ONCE_PER_CLUSTER);
        var word = word();
        new Fixtures(stories, taxonomy).story().in(EN, "Harbour " + word + " reopens").published();
        relay.drain();

        var site = new SiteClient(port);
        assertThat(site.get("/api/v1/search?language=en&q=" + word).body()).contains("Harbour " + word);
        var page = site.get("/en/search?q=harbours+" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<mark>" + word + "</mark>");
    }

    @Test
    void whileOpenSearchIsUnreachableSearchAnswers503AndPublishingGoesOnThenTheIndexCatchesUp() {
        var site = new SiteClient(port);
        var word = word();
        link.cut();
        try {
            assertThatThrownBy(index::documentCount).isInstanceOf(SearchUnavailable.class);
            var page = site.get("/en/search?q=" + word);
            assertThat(page.statusCode()).as(page::body).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("Search is briefly unavailable");
            var api = site.get("/api/v1/search?language=en&q=" + word);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(site.get("/en/search/suggest?q=" + word).statusCode()).isEqualTo(503);

            long id = new Fixtures(stories, taxonomy).story().in(EN, "Quay " + word + " opens").published();
            relay.drain();   // the index consumer waits; the others go on
            assertThat(site.get("/en/").statusCode()).as("the rest of the site").isEqualTo(200);
            assertThat(stories.searchable(id)).isNotEmpty();
        } finally {
            link.restore();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            relay.drain();
            assertThat(site.get("/api/v1/search?language=en&q=" + word).body()).contains("Quay " + word);
        });
    }

    @Test
    @EnabledIf("org.masthead.support.TestDatabase#onPostgres")
    void aStoryPublishedOnTheSecondNodeIsFoundByTheSearchOfTheFirst() throws Exception {
        var word = word();
        try (var second = SecondNode.start(environment, "--masthead.rate-limits.enabled=false",
                "--masthead.search.engine=opensearch", "--masthead.search.opensearch.replicas=0",
                "--masthead.search.opensearch.url=" + environment.getProperty("masthead.search.opensearch.url"),
                "--masthead.search.opensearch.index=" + environment.getProperty("masthead.search.opensearch.index"))) {
            new Fixtures(second.getBean(Stories.class), second.getBean(Taxonomy.class)).story()
                    .in(EN, "Ferry " + word + " returns").published();
            var site = new SiteClient(port);
            // this node's relay polls too, but the second node's commit wakes it through the database at once
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(site.get("/api/v1/search?language=en&q=" + word).body()).contains("Ferry " + word));
        }
    }

    private static String word() {
        return "zorvex" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    }
}
