package org.masthead.search;

import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.StoryStatus;
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

    private final io.micrometer.core.instrument.Timer searches;
    private final io.micrometer.core.instrument.Timer suggestions;

    StorySearch(SearchIndex index, SearchProperties properties, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.index = index;
        this.properties = properties;
        this.searches = latency(metrics, "search");
        this.suggestions = latency(metrics, "suggest");
    }

    /** Search latency as a histogram, per kind of request: what an operator charts as p50/p95/p99. */
    private static io.micrometer.core.instrument.Timer latency(io.micrometer.core.instrument.MeterRegistry metrics,
            String kind) {
        return io.micrometer.core.instrument.Timer.builder("masthead.search.latency").tag("kind", kind)
                .description("Time the search index takes to answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(5))
                .register(metrics);
    }

    /**
     * What a search asks beyond its words; build with {@link #published} or {@link #includingDrafts}.
     * {@code status} keeps the versions of stories in that status only (null: any); a null {@code language}
     * searches the versions of every language.
     */
    public record Request(@Nullable Language language, QueryText text, Visibility visibility, SearchOrder order,
            @Nullable String section, @Nullable String tag, @Nullable YearMonth month, @Nullable StoryStatus status,
            int page, boolean facets) {

        public static Request published(Language language, String text) {
            return new Request(language, QueryText.parse(text), Visibility.PUBLISHED, SearchOrder.RELEVANCE, null,
                    null, null, null, 1, true);
        }

        public static Request includingDrafts(@Nullable Language language, String text) {
            return new Request(language, QueryText.parse(text), Visibility.INCLUDING_DRAFTS, SearchOrder.RELEVANCE,
                    null, null, null, null, 1, true);
        }

        public Request order(SearchOrder newOrder) {
            return new Request(language, text, visibility, newOrder, section, tag, month, status, page, facets);
        }

        public Request narrowedTo(@Nullable String newSection, @Nullable String newTag, @Nullable YearMonth newMonth) {
            return new Request(language, text, visibility, order, newSection, newTag, newMonth, status, page, facets);
        }

        public Request status(@Nullable StoryStatus newStatus) {
            return new Request(language, text, visibility, order, section, tag, month, newStatus, page, facets);
        }

        public Request page(int newPage) {
            return new Request(language, text, visibility, order, section, tag, month, status, newPage, facets);
        }

        /** Spares the index counting facet values where nothing shows them. */
        public Request withoutFacets() {
            return new Request(language, text, visibility, order, section, tag, month, status, page, false);
        }
    }

    /** One page of results; {@code request} asked for the page shown, which is never past {@code lastPage}. */
    public record Paged(Request request, SearchResults results, int lastPage) {
    }

    public SearchResults search(Request request) {
        return searches.record(() -> searchNow(request));
    }

    private SearchResults searchNow(Request request) {
        if (request.text().isEmpty()) {
            return SearchResults.NONE;
        }
        int size = pageSize();
        int offset = (Math.max(1, request.page()) - 1) * size;
        if (offset >= MAX_RESULTS) {
            return SearchResults.NONE;
        }
        return index.search(new SearchQuery(request.language(), request.text(), request.visibility(), request.order(),
                request.section(), request.tag(), request.month(), request.status(), offset,
                Math.min(size, MAX_RESULTS - offset), request.facets()));
    }

    /**
     * The page {@code request} asks for or, when that lies past the end, the last page there is: an old link
     * or a made-up page number still shows results.
     */
    public Paged searchPage(Request request) {
        var results = search(request);
        if (!results.hits().isEmpty() || request.page() <= 1) {
            return new Paged(request, results, lastPage(results.total()));
        }
        // the empty page's search counted the matches, unless it lay past MAX_RESULTS and never ran
        long total = results.total() > 0 ? results.total() : search(request.page(1)).total();
        int last = lastPage(total);
        return new Paged(request.page(last), search(request.page(last)), last);
    }

    /** The {@code page} parameter of a search page: anything unusable means the first page rather than an error. */
    public static int pageNumber(@Nullable String parameter) {
        if (parameter == null || parameter.isEmpty() || parameter.length() > 4
                || !parameter.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(parameter));
    }

    /** Headlines, tags and names completing what the reader has typed so far in {@code language}. */
    public List<Suggestion> suggest(Language language, String typed) {
        var text = typed.strip();
        if (text.length() > MAX_SUGGEST_LENGTH) {
            return List.of();
        }
        return suggestions.record(() -> index.suggest(language, text, SUGGESTIONS));
    }

    public int pageSize() {
        return Math.min(properties.pageSize(), MAX_PAGE_SIZE);
    }

    /** Pages stop at {@link #MAX_RESULTS}, however many stories match. */
    private int lastPage(long total) {
        int size = pageSize();
        return (int) Math.min(MAX_RESULTS / size, Math.max(1, (total + size - 1) / size));
    }
}
