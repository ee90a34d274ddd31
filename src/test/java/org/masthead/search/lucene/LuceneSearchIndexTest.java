package org.masthead.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchIndexContract;
import org.masthead.search.SearchResults;

/** The embedded index: the contract of every index, and what lives in its folder across restarts. */
class LuceneSearchIndexTest extends SearchIndexContract {

    @TempDir Path folder;

    @Override
    protected SearchIndex open() {
        return new LuceneSearchIndex(properties(folder), CLOCK);
    }

    @Override
    protected void close(SearchIndex index) {
        ((LuceneSearchIndex) index).destroy();
    }

    @Test
    void theSwappedInIndexIsTheOneFoundAfterARestart() {
        try (var rebuild = index.rebuild()) {
            rebuild.add(13, List.of(STORIES.get(12).document(13)));
            rebuild.complete();
        }
        close(index);
        index = open();
        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(search(EN, "grain").hits()).extracting(SearchResults.Hit::storyId).containsExactly(13L);
        assertThat(search(UK, "переговорів").hits()).isEmpty();
    }

    @Test
    void anAbandonedRebuildLeavesNoFolderBehind() {
        try (var rebuild = index.rebuild()) {
            rebuild.add(13, List.of(STORIES.get(12).document(13)));
        }
        assertThat(folder.toFile().list()).hasSize(2);   // CURRENT and the live folder
    }
}
