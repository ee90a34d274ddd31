package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.masthead.content.Block;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two Masthead nodes on one PostgreSQL database: a publish handled by this node's outbox relay
 * evicts the page cached on the other node, through LISTEN/NOTIFY alone (the other node's relay does
 * not poll during the test).
 */
@MastheadTest
@EnabledIf("org.masthead.support.TestDatabase#onPostgres")
class PageCacheClusterIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired Environment environment;

    @Test
    void anEvictionOnOneNodeReachesTheOtherNode() throws java.io.IOException {
        var fixtures = new Fixtures(stories, taxonomy);
        long id = fixtures.story().in(EN, "Story on two nodes").published();
        relay.drain();
        var path = "/en/" + stories.published(id, EN).orElseThrow().section().slug() + "/story-on-two-nodes-" + id;

        try (var other = secondNode()) {
            var otherSite = SecondNode.site(other);
            var otherCache = other.getBean(PageCache.class);
            otherSite.get(path);
            assertThat(otherSite.get(path).headers().firstValue("X-Page-Cache")).hasValue("hit");

            stories.save(new SaveVersion(id, EN, 1, "Story on two nodes", "Changed on the first node", "", "", "", "",
                    "", List.of(new Block.Paragraph("p1", "Text")), "test"));
            stories.publish(id);
            relay.drain();

            await().atMost(Duration.ofSeconds(10)).until(() -> otherCache.lookup(path) == null);
            assertThat(otherSite.get(path).body()).contains("Changed on the first node");
        }
    }

    private ConfigurableApplicationContext secondNode() throws java.io.IOException {
        return SecondNode.start(environment);
    }
}
