package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Masthead nodes on one PostgreSQL database, each with its own embedded search index: a story published
 * through this node is found by the other node's search, which reindexes from a cursor of its own (woken by
 * this node's commit: it does not poll during the test), and the search page the other node had cached is
 * dropped once its index holds the story.
 */
@MastheadTest
@EnabledIf("org.masthead.support.TestDatabase#onPostgres")
class TwoNodesIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;

    @Test
    void aStoryPublishedOnOneNodeIsFoundByTheOtherNodesSearch() throws Exception {
        var word = "quorvex" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        try (var other = secondNode()) {
            var otherSite = SecondNode.site(other);
            var otherNode = other.getBean(org.masthead.platform.ClusterNode.class).id();
            // a new node catches up with the outbox from its first event, dropping search pages as it goes: what it
            // caches is kept only once it has
            long newest = jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select count(*) from outbox_cursor
                     where consumer in ('search-index', 'search-pages') and node = :node and position >= :newest""")
                    .param("node", otherNode).param("newest", newest).query(Long.class).single() == 2);
            var search = "/en/search?q=" + word;
            assertThat(otherSite.get(search).body()).doesNotContain("Harbour " + word);
            assertThat(otherSite.get(search).headers().firstValue("X-Page-Cache")).hasValue("hit");

            new Fixtures(stories, taxonomy).story().in(EN, "Harbour " + word + " reopens").published();
            relay.drain();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(otherSite.get("/api/v1/search?language=en&q=" + word).body()).contains("Harbour " + word));
            assertThat(otherSite.get(search).body()).as("the cached search page was dropped").contains("Harbour " + word);
            assertThat(jdbc.sql("select count(*) from outbox_cursor where consumer = 'search-index' and node = :node")
                    .param("node", otherNode).query(Long.class).single()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext secondNode() throws java.io.IOException {
        return SecondNode.start(environment, "--masthead.rate-limits.enabled=false");
    }
}
