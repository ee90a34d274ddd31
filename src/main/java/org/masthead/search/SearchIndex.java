package org.masthead.search;

import java.util.List;
import java.util.Map;
import org.masthead.platform.Language;

/**
 * The search engine behind {@link StorySearch}: embedded Lucene on one machine; an OpenSearch cluster can
 * implement the same contract for several nodes. Documents are grouped by story, so every change of a
 * story replaces all of its documents at once.
 */
public interface SearchIndex {

    /**
     * Replaces everything indexed for the story with {@code documents} (none: the story leaves the index).
     * Durable and visible to searches when it returns. A rebuild in progress receives the change too.
     */
    default void replace(long storyId, List<SearchDocument> documents) {
        replace(Map.of(storyId, documents));
    }

    /**
     * Replaces everything indexed for each story of {@code stories} with its documents, all in one commit:
     * durable and visible to searches when it returns. A rebuild in progress receives the changes too.
     */
    void replace(Map<Long, List<SearchDocument>> stories);

    SearchResults search(SearchQuery query);

    /** Headlines, tags and names that complete {@code prefix}, among published versions in {@code language}. */
    List<Suggestion> suggest(Language language, String prefix, int limit);

    /** How many documents searches currently see. */
    long documentCount();

    /**
     * Starts filling a fresh index beside the live one. Searches keep using the live index, and
     * {@link #replace} keeps reaching both, until {@link Rebuild#complete()} swaps the fresh index in.
     * One rebuild at a time.
     */
    Rebuild rebuild();

    interface Rebuild extends AutoCloseable {

        /** Adds (or replaces) one story's documents in the fresh index only; safe from several threads. */
        void add(long storyId, List<SearchDocument> documents);

        /** Adds (or replaces) the documents of each story in the fresh index only, written by the time it returns. */
        default void add(Map<Long, List<SearchDocument>> stories) {
            stories.forEach(this::add);
        }

        /** Makes the fresh index the live one and drops the old one. */
        void complete();

        /** Drops the fresh index unless it was completed. */
        @Override
        void close();
    }
}
