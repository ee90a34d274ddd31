package org.masthead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.SiteClient;
import org.masthead.support.TcpRelay;
import org.masthead.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL failing over, as a node sees it: its connections go through a relay that the test cuts and restores.
 * A request in flight when the database goes away, and every request while it is away, is answered 503 with
 * {@code Retry-After}, while the node stays ready and live; once it is back the node serves and publishes again by
 * itself, with no restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.REUSE_PROPERTY + "=true", "masthead.demo.enabled=false", "masthead.rate-limits.enabled=false"})
@EnabledIf("org.masthead.support.TestDatabase#onPostgres")
class DatabaseFailoverIntegrationTest {

    private static final int RELAY_PORT = 8180;
    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://[^/:]+(?::(\\d+))?/");
    /** The test's own schema, reached without the relay. */
    private static String direct = "";
    private static TcpRelay link;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        direct = TestDatabase.freshPostgresSchema();
        var server = SERVER.matcher(direct);
        if (!server.find()) {
            throw new IllegalStateException("Not a PostgreSQL URL on a host and port: " + direct);
        }
        link = new TcpRelay(RELAY_PORT, server.group(1) == null ? 5432 : Integer.parseInt(server.group(1)));
        var relayed = server.replaceFirst("jdbc:postgresql://127.0.0.1:" + RELAY_PORT + "/");
        registry.add("spring.datasource.url", () -> relayed);
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
        var dataDir = Files.createTempDirectory("masthead-failover-");
        registry.add("masthead.data-dir", dataDir::toString);
    }

    @AfterAll
    static void closeLink() {
        link.close();
    }

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @LocalServerPort int port;

    @Test
    void requestsInFlightAndMeanwhileAre503AndTheNodeReconnectsByItself() throws Exception {
        var fixtures = new Fixtures(stories, taxonomy);
        long id = fixtures.story().in(EN, Fixtures.unique("Failover story")).published();
        relay.drain();
        var site = new SiteClient(port);
        var path = "/api/v1/stories/" + id + "/en";

        try (var holder = DriverManager.getConnection(direct)) {
            // the story's first read waits on a lock, in flight on its connection, when the database goes away
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table story_version in access exclusive mode");
            var inFlight = CompletableFuture.supplyAsync(() -> site.get(path));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingOnStoryVersions() > 0);
            link.cut();
            holder.rollback();

            var cutOff = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(cutOff.statusCode()).as(cutOff::body).isEqualTo(503);
            assertThat(cutOff.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(cutOff.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        // what this node keeps in memory may still be served; anything that needs the database is not
        var unknown = "/api/v1/stories/" + (id + 1000) + "/en";
        try {
            var meanwhile = site.get(unknown);
            assertThat(meanwhile.statusCode()).as(meanwhile::body).isEqualTo(503);
            assertThat(meanwhile.headers().firstValue("Retry-After")).hasValue("30");
            // every node shares the database: none leaves the load balancer, each answers what it can
            assertThat(site.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(site.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            link.restore();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> site.get(unknown).statusCode() == 404);
        assertThat(site.get(path).body()).contains("Failover story");
        // and writes: a story published after the outage reaches readers through the outbox
        long after = fixtures.story().in(EN, Fixtures.unique("After the failover")).published();
        relay.drain();
        assertThat(site.get("/api/v1/stories/" + after + "/en").statusCode()).isEqualTo(200);
    }

    /** Sessions waiting for a lock on a query that reads story versions (a fresh look: a transaction keeps its own). */
    private static int waitingOnStoryVersions() throws SQLException {
        try (var connection = DriverManager.getConnection(direct); var statement = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                 where wait_event_type = 'Lock' and query like '%story_version%' and query not like '%pg_stat_activity%'""");
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
