package org.masthead.search.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.masthead.search.SearchUnavailable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls Masthead makes to OpenSearch's REST API, over the JDK's HTTP client: JSON in and out, basic
 * authentication when configured. A cluster that cannot be reached, times out or answers 5xx (or 429) is
 * {@link SearchUnavailable}; any other refusal is a bug on this side and fails loudly.
 */
final class OpenSearchClient {

    private final URI base;
    private final @Nullable String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;

    OpenSearchClient(OpenSearchProperties properties, JsonMapper json) {
        var url = properties.url().toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = properties.username() == null || properties.username().isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((properties.username() + ":"
                        + (properties.password() == null ? "" : properties.password())).getBytes(StandardCharsets.UTF_8));
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(5, timeout.toSeconds() + 1)))
                .build();
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    /** The answer's body, which must be a success. */
    JsonNode call(String method, String path, @Nullable Object body) {
        var answer = send(method, path, body == null ? null : json.writeValueAsString(body), "application/json");
        if (answer.status() >= 300) {
            throw refused(method, path, answer);
        }
        return answer.body();
    }

    /** The answer's body, or null when the cluster says 404 (no such index, alias or document). */
    @Nullable JsonNode callOrMissing(String method, String path, @Nullable Object body) {
        var answer = send(method, path, body == null ? null : json.writeValueAsString(body), "application/json");
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() >= 300) {
            throw refused(method, path, answer);
        }
        return answer.body();
    }

    /** Like {@link #callOrMissing}, and null too when what it creates exists already (another node made it). */
    @Nullable JsonNode callOrMissingOrExisting(String method, String path, Object body) {
        var answer = send(method, path, json.writeValueAsString(body), "application/json");
        if (answer.status() == 404 || answer.status() == 400 && answer.body().path("error").path("type").asString()
                .equals("resource_already_exists_exception")) {
            return null;
        }
        if (answer.status() >= 300) {
            throw refused(method, path, answer);
        }
        return answer.body();
    }

    /**
     * A bulk request, one JSON document a line, every item of which must succeed; deleting a document that is not
     * there counts as done.
     */
    void bulkChecked(String path, String lines) {
        var answer = send("POST", path, lines, "application/x-ndjson");
        if (answer.status() >= 300) {
            throw refused("POST", path, answer);
        }
        if (!answer.body().path("errors").asBoolean()) {
            return;
        }
        for (var item : answer.body().path("items")) {
            for (var result : item) {
                if (result.has("error")) {
                    int status = result.path("status").asInt();
                    var message = "OpenSearch failed to index " + result.path("_id").asString() + " (" + status + "): "
                            + result.path("error");
                    if (status >= 500 || status == 429) {
                        throw new SearchUnavailable(message);
                    }
                    throw new IllegalStateException(message);
                }
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(String method, String path, @Nullable String body, String type) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", type)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SearchUnavailable("OpenSearch at " + base + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailable("Interrupted while waiting for OpenSearch", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new SearchUnavailable("OpenSearch at " + base + " answered " + status + " to " + method + " " + path
                    + ": " + abbreviate(response.body()));
        }
        var text = response.body();
        return new Answer(status, text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text));
    }

    private static IllegalStateException refused(String method, String path, Answer answer) {
        return new IllegalStateException("OpenSearch refused " + method + " " + path + " (" + answer.status() + "): "
                + abbreviate(answer.body().toString()));
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
