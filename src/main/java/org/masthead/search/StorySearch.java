package org.masthead.search;

import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.stereotype.Service;

/**
 * Finding stories: the reader site searches what is published, the newsroom also its drafts. Sizes are
 * bounded here whatever the caller asks for, so no query can make the index do unbounded work.
 */
@Service
public class StorySearch {

    /** Results beyond this rank are not paged to: nobody reads them, and deep pages cost the most. */
    public static final int MAX_RESULTS = 1000;
    public static final int MAX_PAGE_SIZE = 50;
    /** Suggestions as you type look at this many characters at most. */
    public static final int MAX_SUGGEST_LENGTH = 60;
    private static final int SUGGESTIONS = 6;

    private final SearchIndex index;
    private final SearchProperties properties;

    StorySearch(SearchIndex index, SearchProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /** What a search asks beyond its words; build with {@link #published} or {@link #includingDrafts}. */
    public record Request(Language language, QueryText text, Visibility visibility, SearchOrder order,
            @Nullable String section, @Nullable String tag, @Nullable YearMonth month, int page, boolean facets) {

        public static Request published(Language language, String text) {
            return new Request(language, QueryText.parse(text), Visibility.PUBLISHED, SearchOrder.RELEVANCE, null,
                    null, null, 1, true);
        }

        public static Request includingDrafts(Language language, String text) {
            return new Request(language, QueryText.parse(text), Visibility.INCLUDING_DRAFTS, SearchOrder.RELEVANCE,
                    null, null, null, 1, true);
        }

        public Request order(SearchOrder newOrder) {
            return new Request(language, text, visibility, newOrder, section, tag, month, page, facets);
        }

        public Request narrowedTo(@Nullable String newSection, @Nullable String newTag, @Nullable YearMonth newMonth) {
            return new Request(language, text, visibility, order, newSection, newTag, newMonth, page, facets);
        }

        public Request page(int newPage) {
            return new Request(language, text, visibility, order, section, tag, month, newPage, facets);
        }
    }

    public SearchResults search(Request request) {
        if (request.text().isEmpty()) {
            return SearchResults.NONE;
        }
        int size = Math.min(properties.pageSize(), MAX_PAGE_SIZE);
        int offset = (Math.max(1, request.page()) - 1) * size;
        if (offset >= MAX_RESULTS) {
            return SearchResults.NONE;
        }
        return index.search(new SearchQuery(request.language(), request.text(), request.visibility(), request.order(),
                request.section(), request.tag(), request.month(), offset, Math.min(size, MAX_RESULTS - offset),
                request.facets()));
    }

    /** Headlines, tags and names completing what the reader has typed so far in {@code language}. */
    public List<Suggestion> suggest(Language language, String typed) {
        var text = typed.strip();
        if (text.length() > MAX_SUGGEST_LENGTH) {
            return List.of();
        }
        return index.suggest(language, text, SUGGESTIONS);
    }

    public int pageSize() {
        return Math.min(properties.pageSize(), MAX_PAGE_SIZE);
    }
}
