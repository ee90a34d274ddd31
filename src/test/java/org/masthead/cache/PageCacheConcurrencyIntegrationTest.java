package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many readers at once: concurrent misses of one page render it once, a dropped page is answered stale while
 * it renders again, query parameters a page does not read make no copies, and hits never reach the filters.
 */
@MastheadTest
@Import(PageCacheConcurrencyIntegrationTest.SlowPage.class)
@TestPropertySource(properties = "masthead.cache.enabled=true")
class PageCacheConcurrencyIntegrationTest {

    private static final String PATH = "/test/slow-page";
    private static final int READERS = 8;

    @LocalServerPort int port;
    @Autowired PageCache cache;
    @Autowired MeterRegistry metrics;
    @Autowired OutboxRelay relay;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void setUp() {
        // the demo's events evict as the relay works through them: a page rendered meanwhile is not kept
        relay.drain();
        cache.clearHere();
        SlowPage.reset();
    }

    @Test
    void concurrentMissesOfOnePageRenderItOnce() throws Exception {
        var first = get(PATH);
        assertThat(SlowPage.entered.await(10, TimeUnit.SECONDS)).isTrue();
        var others = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 1; i < READERS; i++) {
            others.add(get(PATH));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.waitingFor(PATH) == READERS - 1);
        SlowPage.release.countDown();

        var answers = new ArrayList<HttpResponse<String>>();
        answers.add(first.get(10, TimeUnit.SECONDS));
        for (var other : others) {
            answers.add(other.get(10, TimeUnit.SECONDS));
        }
        assertThat(SlowPage.renders.get()).as("renders").isEqualTo(1);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("render 1");
        });
        assertThat(answers.stream().map(a -> a.headers().firstValue("X-Page-Cache").orElseThrow()).toList())
                .containsOnly("miss", "wait").filteredOn("wait"::equals).hasSize(READERS - 1);
    }

    @Test
    void aDroppedPageIsAnsweredStaleWhileOneRequestRendersItAgain() throws Exception {
        SlowPage.release.countDown();
        assertThat(get(PATH).get(10, TimeUnit.SECONDS).body()).isEqualTo("render 1");
        SlowPage.reset();
        cache.evict(Set.of(SlowPage.KEY));

        var rendering = get(PATH);
        assertThat(SlowPage.entered.await(10, TimeUnit.SECONDS)).isTrue();
        var meanwhile = get(PATH).get(10, TimeUnit.SECONDS);
        assertThat(meanwhile.headers().firstValue("X-Page-Cache")).hasValue("stale");
        assertThat(meanwhile.body()).isEqualTo("render 1");
        SlowPage.release.countDown();

        var fresh = rendering.get(10, TimeUnit.SECONDS);
        assertThat(fresh.headers().firstValue("X-Page-Cache")).hasValue("miss");
        assertThat(fresh.body()).isEqualTo("render 1");
        assertThat(SlowPage.renders.get()).isEqualTo(1);
        assertThat(new SiteClient(port).get(PATH).headers().firstValue("X-Page-Cache")).hasValue("hit");
    }

    @Test
    void queryParametersThePageDoesNotReadShareItsEntry() {
        var site = new SiteClient(port);
        site.get("/uk/");
        long before = cache.size();
        for (int i = 0; i < 5; i++) {
            var answer = site.get("/uk/?x=" + i);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Page-Cache")).as("/uk/?x=" + i).hasValue("hit");
        }
        assertThat(cache.size()).isEqualTo(before);
        // a parameter the page reads is part of its key, whatever else the query holds and in whatever order
        var search = "/uk/search?q=" + System.nanoTime();
        // an eviction by another test's events while the page renders keeps it out of the cache ("pass"): ask again
        for (int tries = 0; tries < 10; tries++) {
            if (site.get(search + "&utm_source=x").headers().firstValue("X-Page-Cache").orElseThrow().equals("miss")) {
                break;
            }
        }
        assertThat(site.get("/uk/search?utm_source=y&" + search.substring(search.indexOf('?') + 1))
                .headers().firstValue("X-Page-Cache")).hasValue("hit");
        assertThat(site.get(search + "1").headers().firstValue("X-Page-Cache")).isNotEqualTo(Optional.of("hit"));
    }

    @Test
    void hitsAreAnsweredBeforeTheFilterChain() {
        var site = new SiteClient(port);
        SlowPage.release.countDown();
        long beforeMiss = servedThroughFilters();
        site.get(PATH);
        // the servlet metrics record a request just after its answer: wait until the miss above is counted
        await().atMost(Duration.ofSeconds(10)).until(() -> servedThroughFilters() > beforeMiss);
        long requests = servedThroughFilters();
        var hit = site.get(PATH);
        assertThat(hit.headers().firstValue("X-Page-Cache")).hasValue("hit");
        assertThat(servedThroughFilters()).as("requests the servlet metrics filter saw").isEqualTo(requests);
        var miss = site.get("/uk/?fresh=" + System.nanoTime());
        assertThat(miss.statusCode()).isEqualTo(200);
    }

    private long servedThroughFilters() {
        return metrics.find("http.server.requests").timers().stream().mapToLong(t -> t.count()).sum();
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(new SiteClient(port).uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page that renders only when the test lets it, counting its renders. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class SlowPage {

        static final String KEY = "test-slow-page";
        static final AtomicInteger renders = new AtomicInteger();
        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        static void reset() {
            renders.set(0);
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @GetMapping(PATH)
        String render(HttpServletRequest request) throws InterruptedException {
            int render = renders.incrementAndGet();
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            SurrogateKeys.add(request, KEY);
            return "render " + render;
        }
    }
}
