package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.HttpReceiver;
import tools.jackson.databind.json.JsonMapper;

/** The requests each cache in front is sent, as their documented purge APIs take them, against a local receiver. */
class FrontCacheTest {

    private final HttpReceiver receiver = new HttpReceiver();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void varnishIsSentPurgeWithTheKeysInXkeyPurgeAndAStarForEverything() throws Exception {
        var varnish = new FrontCache.Varnish(http, Duration.ofSeconds(5), URI.create(receiver.url()));
        varnish.purge(Set.of("story:7", "home"));
        varnish.purge(Set.of("story:8", FrontCache.EVERYTHING));

        var requests = receiver.requests();
        assertThat(requests).extracting(HttpReceiver.Request::method).containsExactly("PURGE", "PURGE");
        assertThat(requests).extracting(HttpReceiver.Request::path).containsOnly("/");
        assertThat(requests.get(0).header("xkey-purge")).isEqualTo("home story:7");
        assertThat(requests.get(1).header("xkey-purge")).isEqualTo("*");
    }

    @Test
    void manyKeysGoToVarnishInHeadersItReads() throws Exception {
        var keys = new LinkedHashSet<String>();
        IntStream.range(0, 2000).forEach(i -> keys.add("story:" + i));
        new FrontCache.Varnish(http, Duration.ofSeconds(5), URI.create(receiver.url())).purge(keys);

        assertThat(receiver.requests()).hasSizeGreaterThan(1).allSatisfy(request ->
                assertThat(request.header("xkey-purge").length()).isLessThanOrEqualTo(6000));
        assertThat(receiver.requests().stream().flatMap(r -> java.util.Arrays.stream(r.header("xkey-purge").split(" "))))
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void fastlyTakesBatchesOf256KeysSoftWhenAskedAndPurgeAllForEverything() throws Exception {
        var settings = new FrontCacheProperties.Fastly("SU1Z0isxPaozGVKXdv0eY", "the-token", true, URI.create(receiver.url()));
        var fastly = new FrontCache.Fastly(http, Duration.ofSeconds(5), settings, json);
        var keys = new LinkedHashSet<String>();
        IntStream.range(0, 300).forEach(i -> keys.add("tag:" + i));

        fastly.purge(keys);
        fastly.purge(Set.of(FrontCache.EVERYTHING));

        var requests = receiver.requests();
        assertThat(requests).extracting(HttpReceiver.Request::path).containsExactly("/service/SU1Z0isxPaozGVKXdv0eY/purge",
                "/service/SU1Z0isxPaozGVKXdv0eY/purge", "/service/SU1Z0isxPaozGVKXdv0eY/purge_all");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Fastly-Key")).isEqualTo("the-token");
            assertThat(request.header("Accept")).isEqualTo("application/json");
        });
        assertThat(json.readTree(requests.get(0).body()).get("surrogate_keys").size()).isEqualTo(256);
        assertThat(json.readTree(requests.get(1).body()).get("surrogate_keys").size()).isEqualTo(44);
        assertThat(requests.get(0).header("Fastly-Soft-Purge")).isEqualTo("1");
        // a purge of everything cannot be soft
        assertThat(requests.get(2).header("Fastly-Soft-Purge")).isEmpty();
    }

    @Test
    void cloudflareTakesBatchesOf100TagsWithABearerTokenAndPurgeEverything() throws Exception {
        var settings = new FrontCacheProperties.Cloudflare("023e105f4ecef8ad9ca31a8372d0c353", "cf-token",
                URI.create(receiver.url() + "/client/v4/"));
        var cloudflare = new FrontCache.Cloudflare(http, Duration.ofSeconds(5), settings, json);
        var keys = new LinkedHashSet<String>();
        IntStream.range(0, 150).forEach(i -> keys.add("author:" + i));

        cloudflare.purge(keys);
        cloudflare.purge(Set.of("home", FrontCache.EVERYTHING));

        var requests = receiver.requests();
        assertThat(requests).extracting(HttpReceiver.Request::path)
                .containsOnly("/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache");
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer cf-token");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(json.readTree(requests.get(0).body()).get("tags").size()).isEqualTo(100);
        assertThat(json.readTree(requests.get(1).body()).get("tags").size()).isEqualTo(50);
        assertThat(json.readTree(requests.get(2).body()).get("purge_everything").asBoolean()).isTrue();
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureThatNamesTheCacheButNotTheToken() {
        receiver.refuse(1);
        var settings = new FrontCacheProperties.Fastly("svc", "secret-token", false, URI.create(receiver.url()));

        assertThatThrownBy(() -> new FrontCache.Fastly(http, Duration.ofSeconds(5), settings, json).purge(Set.of("home")))
                .isInstanceOf(IOException.class).hasMessageContaining("Fastly service svc answered 503")
                .hasMessageNotContaining("secret-token");
        assertThat(settings.toString()).doesNotContain("secret-token");
    }
}
