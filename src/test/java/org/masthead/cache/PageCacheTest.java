package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;
import org.masthead.platform.db.NodeBroadcast;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class PageCacheTest {

    private final RecordingBroadcast broadcast = new RecordingBroadcast();
    private final PageCache cache = new PageCache(properties(), broadcast, new org.masthead.platform.web.ReadModel(1000, new SimpleMeterRegistry()), new SimpleMeterRegistry());

    @Test
    void aPageRenderedAcrossAnEvictionIsNotStored() {
        long renderedSince = cache.generation();
        cache.evict(Set.of("story:1"));

        assertThat(cache.store("/en/a/b-1", page("story:1", "lang:en"), renderedSince)).isFalse();
        assertThat(cache.lookup("/en/a/b-1")).isNull();
        assertThat(cache.store("/en/a/b-1", page("story:1", "lang:en"), cache.generation())).isTrue();
        assertThat(cache.lookup("/en/a/b-1")).isNotNull();
    }

    @Test
    void evictsPagesOfTheGivenKeysInTheGivenLanguagesAndPagesWithoutALanguage() {
        store("/en/", "home", "lang:en");
        store("/ru/", "home", "lang:ru");
        store("/sitemap.xml", "sitemap");
        store("/en/other/", "section:2", "lang:en");

        cache.evict(Set.of("home", "sitemap"), EnumSet.of(Language.EN));

        assertThat(cache.lookup("/en/")).isNull();
        assertThat(cache.lookup("/sitemap.xml")).isNull();
        assertThat(cache.lookup("/ru/")).isNotNull();
        assertThat(cache.lookup("/en/other/")).isNotNull();
    }

    @Test
    void evictionsFromOtherNodesApplyHereAndALostConnectionDropsEverything() {
        store("/en/", "home", "lang:en");
        store("/uk/", "home", "lang:uk");
        store("/en/x/", "section:9", "lang:en");

        broadcast.listener.received(new Eviction(Set.of("home"), EnumSet.of(Language.UK)).encode());
        assertThat(cache.lookup("/uk/")).isNull();
        assertThat(cache.lookup("/en/")).isNotNull();

        broadcast.listener.missedMessages();
        assertThat(cache.size()).isZero();
    }

    @Test
    void evictionsAreSentToOtherNodesInMessagesThatFitTheLimit() {
        var keys = IntStream.range(0, 3000).mapToObj(i -> "story:" + (1_000_000 + i)).toList();
        cache.evict(keys, EnumSet.of(Language.RU));

        assertThat(broadcast.sent).hasSizeGreaterThan(1).allSatisfy(message ->
                assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(NodeBroadcast.MAX_MESSAGE_BYTES));
        var received = broadcast.sent.stream().map(Eviction::decode).toList();
        assertThat(received.stream().flatMap(e -> e.keys().stream())).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(received).allSatisfy(e -> assertThat(e.languages()).containsExactly(Language.RU));
    }

    @Test
    void anEvictionForNoLanguageInParticularMeansEveryLanguage() {
        var decoded = Eviction.decode(new Eviction(Set.of("story:5"), Set.of()).encode());
        assertThat(decoded.languages()).containsExactlyInAnyOrder(Language.values());
        assertThat(decoded.keys()).containsExactly("story:5");
    }

    @Test
    void theMemoryBoundIsKept() {
        var small = new PageCache(properties(DataSize.ofKilobytes(200)), broadcast, new org.masthead.platform.web.ReadModel(1000, new SimpleMeterRegistry()), new SimpleMeterRegistry());
        for (int i = 0; i < 100; i++) {
            small.store("/en/s/p-" + i, page("story:" + i), small.generation());
        }
        assertThat(small.size()).isBetween(1L, 20L);
    }

    @Test
    void acceptEncodingIsReadWithItsWeights() {
        assertThat(PageCacheFilter.acceptsGzip(request("gzip, deflate, br"))).isTrue();
        assertThat(PageCacheFilter.acceptsGzip(request("br;q=1.0, gzip;q=0.5"))).isTrue();
        assertThat(PageCacheFilter.acceptsGzip(request("*"))).isTrue();
        assertThat(PageCacheFilter.acceptsGzip(request("gzip;q=0"))).isFalse();
        assertThat(PageCacheFilter.acceptsGzip(request("gzip; q=0.000"))).isFalse();
        assertThat(PageCacheFilter.acceptsGzip(request("identity"))).isFalse();
        assertThat(PageCacheFilter.acceptsGzip(new MockHttpServletRequest())).isFalse();
    }

    private static MockHttpServletRequest request(String acceptEncoding) {
        var request = new MockHttpServletRequest("GET", "/en/");
        request.addHeader("Accept-Encoding", acceptEncoding);
        return request;
    }

    private void store(String path, String... keys) {
        assertThat(cache.store(path, page(keys), cache.generation())).isTrue();
    }

    private static CachedPage page(String... keys) {
        var body = ("<!doctype html><title>t</title>" + "<p>words ".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        return CachedPage.of(200, "text/html;charset=UTF-8", List.of(), List.of(), body, Set.of(keys), 0, 1024);
    }

    @Test
    void theGzipFormIsMadeOnceWhenFirstAskedForAndOnlyWhenItIsSmaller() throws Exception {
        var page = page("story:1");
        var first = page.gzip();
        assertThat(first).isNotNull().hasSizeLessThan(page.body().length);
        assertThat(page.gzip()).as("kept with the page").isSameAs(first);
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(first))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(page.body());
        }
        var random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        var incompressible = CachedPage.of(200, "text/plain", List.of(), List.of(), random, Set.of(), 0, 1024);
        assertThat(incompressible.gzip()).as("gzip of random bytes is larger").isNull();
        var small = CachedPage.of(200, "text/html", List.of(), List.of(), "<p>hi".getBytes(StandardCharsets.UTF_8),
                Set.of(), 0, 1024);
        assertThat(small.gzip()).isNull();
        assertThat(small.vary()).as("nothing to negotiate").isEmpty();
    }

    @Test
    void theRendersVaryTokensAreKeptAndAcceptEncodingAddedOnce() {
        var body = "<p>words ".repeat(500).getBytes(StandardCharsets.UTF_8);
        var page = CachedPage.of(200, "application/json", List.of(),
                List.of("Origin", "Access-Control-Request-Method", "accept-encoding", "Origin"), body, Set.of(), 0, 1024);
        assertThat(page.vary()).containsExactly("Origin", "Access-Control-Request-Method", "Accept-Encoding");
    }

    @Test
    void keysKeepOnlyTheQueryParametersThePageReads() {
        assertThat(cache.key("/uk/", null)).isEqualTo("/uk/");
        assertThat(cache.key("/uk/", "x=1")).as("not known yet which parameters the page reads").isNull();
        cache.learn("/uk/", Set.of());
        assertThat(cache.key("/uk/", "x=1")).isEqualTo("/uk/");
        cache.learn("/en/search", Set.of("q", "page"));
        assertThat(cache.key("/en/search", "utm=1&q=energy&page=2")).isEqualTo("/en/search?page=2&q=energy");
        assertThat(cache.key("/en/search", "page=2&q=energy")).isEqualTo("/en/search?page=2&q=energy");
        assertThat(cache.key("/en/search", "q=a&q=b")).as("repeated values keep their order").isEqualTo("/en/search?q=a&q=b");
        assertThat(cache.key("/en/search", "%71=x")).as("names compare decoded").isEqualTo("/en/search?%71=x");
        cache.learn("/en/search", Set.of("facet"));
        assertThat(cache.key("/en/search", "facet=a&z=1")).as("what one render reads adds to what others read")
                .isEqualTo("/en/search?facet=a");
        cache.learn("/api/v1/stories", PageCache.EVERY_PARAMETER);
        assertThat(cache.key("/api/v1/stories", "b=1&a=2")).isEqualTo("/api/v1/stories?b=1&a=2");
    }

    @Test
    void anEvictedPageStaysAsideAsAStaleCopyUntilItIsRenderedAgain() {
        var page = page("story:9");
        cache.store("/en/s-9", page, cache.generation());
        cache.evict(Set.of("story:9"));
        assertThat(cache.lookup("/en/s-9")).isNull();
        assertThat(cache.lookupStale("/en/s-9")).isSameAs(page);

        var mine = new PageCache.Flight();
        assertThat(cache.flight("/en/s-9", mine)).isNull();
        assertThat(cache.flight("/en/s-9", new PageCache.Flight())).as("a second request finds the render").isSameAs(mine);
        cache.land("/en/s-9", mine, null);
        assertThat(cache.lookupStale("/en/s-9")).as("the page is no more: its stale copy goes too").isNull();
        assertThat(cache.flight("/en/s-9", new PageCache.Flight())).isNull();
    }

    private static CacheProperties properties() {
        return properties(DataSize.ofMegabytes(8));
    }

    private static CacheProperties properties(DataSize maxSize) {
        return new CacheProperties(true, maxSize, Duration.ofMinutes(10), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofDays(1), List.of("JSESSIONID"),
                List.of("/newsroom/"), DataSize.ofKilobytes(1), true, Duration.ofSeconds(10));
    }

    private static final class RecordingBroadcast implements NodeBroadcast {

        final List<String> sent = new ArrayList<>();
        Listener listener = new Listener() {
            @Override
            public void received(String message) {
            }

            @Override
            public void missedMessages() {
            }
        };

        @Override
        public void send(String channel, String message) {
            sent.add(message);
        }

        @Override
        public void listen(String channel, Listener listener) {
            this.listener = listener;
        }
    }
}
