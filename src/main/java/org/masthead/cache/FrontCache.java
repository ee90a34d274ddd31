package org.masthead.cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cache in front of Masthead that drops what it keeps by surrogate key: the keys each response carries in
 * {@code Surrogate-Key} (space-separated) and {@code Cache-Tag} (comma-separated). {@link #EVERYTHING} asks it to
 * drop every page.
 */
sealed interface FrontCache {

    String EVERYTHING = org.masthead.platform.web.SurrogateKeys.EVERYTHING;

    /** Where it is, for the log; never a token. */
    String name();

    /** Drops every cached response tagged with any of {@code keys}; throws when the cache did not confirm it. */
    void purge(Set<String> keys) throws IOException, InterruptedException;

    /** Requests of one kind of cache, over one HTTP client. */
    abstract sealed class Http implements FrontCache permits Varnish, Fastly, Cloudflare {

        final HttpClient http;
        final Duration timeout;

        Http(HttpClient http, Duration timeout) {
            this.http = http;
            this.timeout = timeout;
        }

        void send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
            var response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                var body = response.body();
                throw new IOException(name() + " answered " + response.statusCode() + " to " + what + ": "
                        + (body.length() > 300 ? body.substring(0, 300) : body).strip());
            }
        }

        /** {@code keys} in lists of at most {@code size} (and {@code chars} characters joined), as the API takes them. */
        static List<List<String>> batches(Set<String> keys, int size, int chars) {
            var batches = new ArrayList<List<String>>();
            var batch = new ArrayList<String>();
            int length = 0;
            for (var key : keys.stream().sorted().toList()) {
                if (!batch.isEmpty() && (batch.size() == size || length + key.length() + 1 > chars)) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    length = 0;
                }
                batch.add(key);
                length += key.length() + 1;
            }
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
            return batches;
        }
    }

    /**
     * A Varnish with the xkey module and Masthead's VCL: {@code PURGE /} with the keys in {@code xkey-purge}
     * (Varnish reads request headers of at most 8 KB by default); {@code *} bans every object.
     */
    final class Varnish extends Http {

        private static final int HEADER_CHARS = 6000;
        private final URI url;

        Varnish(HttpClient http, Duration timeout, URI url) {
            super(http, timeout);
            this.url = url;
        }

        @Override
        public String name() {
            return "Varnish at " + url;
        }

        @Override
        public void purge(Set<String> keys) throws IOException, InterruptedException {
            var all = keys.contains(EVERYTHING) ? List.of(List.of(EVERYTHING)) : batches(keys, Integer.MAX_VALUE, HEADER_CHARS);
            for (var batch : all) {
                send(HttpRequest.newBuilder(url.resolve("/")).method("PURGE", HttpRequest.BodyPublishers.noBody())
                        .header("xkey-purge", String.join(" ", batch)), "a purge of " + batch.size() + " keys");
            }
        }
    }

    /**
     * Fastly's purge API: {@code POST /service/{id}/purge} with up to 256 keys as {@code {"surrogate_keys": [...]}},
     * {@code Fastly-Key} holding the token and {@code Fastly-Soft-Purge: 1} for soft purges; {@code purge_all} for
     * everything.
     */
    final class Fastly extends Http {

        private static final int KEYS = 256;
        private final FrontCacheProperties.Fastly settings;
        private final JsonMapper json;

        Fastly(HttpClient http, Duration timeout, FrontCacheProperties.Fastly settings, JsonMapper json) {
            super(http, timeout);
            this.settings = settings;
            this.json = json;
        }

        @Override
        public String name() {
            return "Fastly service " + settings.serviceId();
        }

        @Override
        public void purge(Set<String> keys) throws IOException, InterruptedException {
            var service = settings.api().resolve("/service/" + settings.serviceId() + "/");
            if (keys.contains(EVERYTHING)) {
                // a purge of everything cannot be soft
                send(request(service.resolve("purge_all")).POST(HttpRequest.BodyPublishers.noBody()), "a purge of everything");
                return;
            }
            for (var batch : batches(keys, KEYS, Integer.MAX_VALUE)) {
                var request = request(service.resolve("purge")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                                java.util.Map.of("surrogate_keys", batch))));
                if (settings.soft()) {
                    request.header("Fastly-Soft-Purge", "1");
                }
                send(request, "a purge of " + batch.size() + " keys");
            }
        }

        private HttpRequest.Builder request(URI uri) {
            return HttpRequest.newBuilder(uri).header("Fastly-Key", settings.token()).header("Accept", "application/json");
        }
    }

    /**
     * Cloudflare's API: {@code POST /zones/{id}/purge_cache} with up to 100 cache tags as {@code {"tags": [...]}}
     * and the token as a bearer; {@code {"purge_everything": true}} for everything.
     */
    final class Cloudflare extends Http {

        private static final int TAGS = 100;
        private final FrontCacheProperties.Cloudflare settings;
        private final JsonMapper json;

        Cloudflare(HttpClient http, Duration timeout, FrontCacheProperties.Cloudflare settings, JsonMapper json) {
            super(http, timeout);
            this.settings = settings;
            this.json = json;
        }

        @Override
        public String name() {
            return "Cloudflare zone " + settings.zoneId();
        }

        @Override
        public void purge(Set<String> keys) throws IOException, InterruptedException {
            var uri = URI.create(settings.api().toString().replaceAll("/+$", "") + "/zones/" + settings.zoneId()
                    + "/purge_cache");
            List<Object> bodies = keys.contains(EVERYTHING) ? List.of(java.util.Map.of("purge_everything", true))
                    : batches(keys, TAGS, Integer.MAX_VALUE).stream()
                            .<Object>map(batch -> java.util.Map.of("tags", batch)).collect(Collectors.toList());
            for (var body : bodies) {
                send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + settings.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "a purge");
            }
        }
    }
}
