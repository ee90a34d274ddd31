package org.masthead.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchIndexContract;
import org.masthead.search.SearchResults;
import org.masthead.support.OpenSearchNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index on a real OpenSearch node: the contract every index keeps, so the same relevance, names across
 * scripts, facets, snippets, drafts, suggestions and rebuild as the embedded index, on the tokens Masthead's own
 * analyzers made.
 */
class OpenSearchSearchIndexTest extends SearchIndexContract {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private String alias = "";

    @Override
    protected SearchIndex open() {
        alias = "contract-" + ProcessHandle.current().pid() + "-" + INDEXES.incrementAndGet();
        return new OpenSearchSearchIndex(new OpenSearchProperties(OpenSearchNode.url(), null, null, alias, 0,
                Duration.ofSeconds(30)), properties(Path.of("unused")), CLOCK, JsonMapper.builder().build());
    }

    @Override
    protected void close(SearchIndex index) {
        delete(alias + "-*");
    }

    @Test
    void aRebuildSwapsTheAliasAndDropsTheOldIndex() throws Exception {
        try (var rebuild = index.rebuild()) {
            rebuild.add(13, List.of(STORIES.get(12).document(13)));
            rebuild.complete();
        }
        var indices = get("_cat/indices/" + alias + "-*?h=index");
        assertThat(indices.strip().lines().toList()).hasSize(1).doesNotContain(alias + "-0");
        assertThat(get("_alias/" + alias)).doesNotContain(alias + "-0");
        assertThat(search(EN, "grain").hits()).extracting(SearchResults.Hit::storyId).containsExactly(13L);
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(OpenSearchNode.url().resolve("/" + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void delete(String path) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchNode.url() + "/" + path))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
