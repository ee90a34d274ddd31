package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.BreakIterator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.search.Highlighted;
import org.masthead.search.SearchDocument;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchOrder;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchResults.Facets;
import org.masthead.search.SearchResults.Hit;
import org.masthead.search.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded index: one {@link IndexWriter} per index folder, and a {@link SearcherManager} refreshed
 * after every change, so a change is searchable as soon as {@link #replace} returns. The live folder is
 * named in the file {@code CURRENT}; a rebuild fills a new folder and swaps it in by rewriting that file.
 */
@Component
@ConditionalOnProperty(name = "masthead.search.engine", havingValue = "lucene", matchIfMissing = true)
public class LuceneSearchIndex implements SearchIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String CURRENT = "CURRENT";
    private static final int FACET_VALUES = 12;

    private final Path root;
    private final int ramBufferMb;
    private final double halfLifeMillis;
    private final Clock clock;
    private final LuceneDocuments documents;
    private final Analyzer indexAnalyzer;
    private final Completions completions;
    private final LuceneQueries queries;
    private final Object writes = new Object();
    /** Searches the segments of one index in parallel: a single query finishes sooner on several cores. */
    private final ExecutorService segmentSearches = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("search-", 0).daemon().factory());
    private final SearcherFactory searcherFactory = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            return new IndexSearcher(reader, segmentSearches);
        }
    };
    private volatile Generation live;
    private @Nullable Generation building;

    public LuceneSearchIndex(SearchProperties properties, Clock clock) {
        var analyzers = new FieldAnalyzers();
        this.root = properties.directory();
        this.ramBufferMb = properties.ramBufferMb();
        this.halfLifeMillis = properties.recencyHalfLife().toMillis();
        this.clock = clock;
        this.documents = new LuceneDocuments(properties.timeZone());
        this.indexAnalyzer = analyzers.index();
        this.completions = new Completions(analyzers.words());
        this.queries = new LuceneQueries(analyzers.query());
        this.live = openLive();
    }

    @Override
    public void replace(Map<Long, List<SearchDocument>> stories) {
        var lucene = new LinkedHashMap<Term, List<Document>>();
        stories.forEach((storyId, docs) -> lucene.put(storyTerm(storyId), docs.stream().map(documents::toLucene).toList()));
        synchronized (writes) {
            try {
                for (var story : lucene.entrySet()) {
                    write(live.writer, story.getKey(), story.getValue());
                    if (building != null) {
                        write(building.writer, story.getKey(), story.getValue());
                    }
                }
                // committed before returning: the outbox moves its cursor only after this, so a crash loses nothing
                live.writer.commit();
                live.searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot index stories " + stories.keySet(), e);
            }
        }
    }

    @Override
    public long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public SearchResults search(SearchQuery search) {
        var languages = search.language() == null ? Language.all() : List.of(search.language());
        var match = queries.matchAny(languages, search.text());
        if (match == null) {
            return SearchResults.NONE;
        }
        var query = new BooleanQuery.Builder();
        LuceneQueries.addFilters(query, search);
        if (search.order() == SearchOrder.RELEVANCE) {
            query.add(FunctionScoreQuery.boostByValue(match, freshness()), Occur.MUST);
        } else {
            query.add(match, Occur.MUST);
        }
        var built = query.build();
        int wanted = search.offset() + search.limit();
        return withSearcher(searcher -> {
            var top = search.order() == SearchOrder.NEWEST
                    ? new TopFieldCollectorManager(new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true)),
                            wanted, null, Integer.MAX_VALUE)
                    : new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE);
            TopDocs topDocs;
            Facets facets = Facets.NONE;
            if (search.facets()) {
                var both = searcher.search(built, new MultiCollectorManager(top, new FacetCounter(FACET_VALUES)));
                topDocs = (TopDocs) both[0];
                facets = (Facets) both[1];
            } else {
                topDocs = searcher.search(built, top);
            }
            var page = topDocs.scoreDocs.length <= search.offset() ? new ScoreDoc[0]
                    : java.util.Arrays.copyOfRange(topDocs.scoreDocs, search.offset(), topDocs.scoreDocs.length);
            return new SearchResults(topDocs.totalHits.value, hits(searcher, built, page, languages), facets);
        });
    }

    /** Multiplies relevance by 1 + 2^(-age / half-life): a story of today counts double, an old one once. */
    private DoubleValuesSource freshness() {
        // rounded to the minute so that equal queries stay equal for a while
        long now = clock.millis() / 60_000 * 60_000;
        double halfLife = halfLifeMillis;
        return DoubleValuesSource.fromField(Fields.DATE, date -> 1 + Math.pow(2, -Math.max(0, now - date) / halfLife));
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, List<Language> languages)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] ids = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            ids[i] = page[i].doc;
        }
        // one passage of a headline, two of a body
        var fields = new String[languages.size() * 2];
        var passages = new int[fields.length];
        for (int l = 0; l < languages.size(); l++) {
            fields[2 * l] = Fields.headline(languages.get(l));
            passages[2 * l] = 1;
            fields[2 * l + 1] = Fields.body(languages.get(l));
            passages[2 * l + 1] = 2;
        }
        var highlights = new Highlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new FragmentFormatter())
                .withMaxLength(20_000)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(languages.size() == 1
                        ? languages.getFirst().locale() : Locale.ROOT))
                .withMaxNoHighlightPassages(0))
                .highlight(fields, query, ids, passages);
        var stored = searcher.storedFields();
        var hits = new ArrayList<Hit>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(ids[i]);
            var language = Language.fromCode(doc.get(Fields.LANGUAGE)).orElseThrow();
            var headline = Fields.headline(language);
            var body = Fields.body(language);
            var title = highlights.get(headline)[i] instanceof Highlighted h ? Snippets.wholeHeadline(h, doc.get(headline))
                    : Highlighted.plain(doc.get(headline));
            var snippet = highlights.get(body)[i] instanceof Highlighted h ? h
                    : Highlighted.plain(doc.get(Fields.standfirst(language)));
            hits.add(new Hit(Long.parseLong(doc.get(Fields.STORY)), language, doc.get(Fields.SECTION),
                    doc.get(Fields.SLUG), title, snippet,
                    java.time.Instant.ofEpochMilli(doc.getField(Fields.DATE).numericValue().longValue()),
                    doc.get(Fields.STATUS), Fields.YES.equals(doc.get(Fields.LIVE))));
        }
        return hits;
    }

    @Override
    public List<Suggestion> suggest(Language language, String prefix, int limit) {
        var typed = completions.typed(prefix);
        if (typed.isEmpty()) {
            return List.of();
        }
        // only versions in the language have its fields; drafts are the few documents not live
        var query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.LIVE, Fields.NO)), Occur.MUST_NOT)
                .add(new BooleanQuery.Builder()
                        .add(typedWords(Fields.suggestHeadline(language), typed), Occur.SHOULD)
                        .add(typedWords(Fields.suggestTerms(language), typed), Occur.SHOULD)
                        .build(), Occur.MUST)
                .build();
        return withSearcher(searcher -> {
            var top = searcher.search(query, Completions.POOL, new Sort(new SortField(Fields.DATE, SortField.Type.LONG,
                    true)));
            var stored = searcher.storedFields();
            var headlineField = Fields.headline(language);
            var wanted = Set.of(headlineField, Fields.STORY, Fields.SECTION, Fields.SLUG, Fields.TAG_NAMES,
                    Fields.PEOPLE);
            var candidates = new ArrayList<Completions.Candidate>();
            for (var hit : top.scoreDocs) {
                var doc = stored.document(hit.doc, wanted);
                candidates.add(new Completions.Candidate(Long.parseLong(doc.get(Fields.STORY)), doc.get(Fields.SECTION),
                        doc.get(Fields.SLUG), doc.get(headlineField), List.of(doc.getValues(Fields.TAG_NAMES)),
                        List.of(doc.getValues(Fields.PEOPLE))));
            }
            return completions.collect(language, typed, candidates, limit);
        });
    }

    /** Every typed word as one indexed prefix term; {@link Completions} then keeps the stories whose words match. */
    private static Query typedWords(String field, List<String> typed) {
        var query = new BooleanQuery.Builder();
        for (var word : typed) {
            query.add(new TermQuery(new Term(field, Completions.indexedPrefix(word))), Occur.FILTER);
        }
        return query.build();
    }

    @Override
    public Rebuild rebuild() {
        Generation fresh;
        synchronized (writes) {
            if (building != null) {
                throw new IllegalStateException("A rebuild of the search index is already running");
            }
            fresh = open(newFolder());
            building = fresh;
        }
        return new Rebuild() {
            private boolean completed;

            @Override
            public void add(long storyId, List<SearchDocument> docs) {
                try {
                    write(fresh.writer, storyTerm(storyId), docs.stream().map(documents::toLucene).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot index story " + storyId, e);
                }
            }

            @Override
            public void complete() {
                Generation old;
                synchronized (writes) {
                    try {
                        fresh.writer.commit();
                        fresh.searchers.maybeRefreshBlocking();
                        writeCurrent(fresh.folder);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot complete the rebuilt search index", e);
                    }
                    old = live;
                    live = fresh;
                    building = null;
                    completed = true;
                }
                // searches still holding the old searcher keep their open files until they release them
                old.closeAndDelete();
            }

            @Override
            public void close() {
                synchronized (writes) {
                    if (completed || building != fresh) {
                        return;
                    }
                    building = null;
                }
                fresh.closeAndDelete();
            }
        };
    }

    @Override
    public void destroy() {
        synchronized (writes) {
            if (building != null) {
                building.closeAndDelete();
                building = null;
            }
            live.close();
        }
        segmentSearches.shutdown();
    }

    private Generation openLive() {
        try {
            Files.createDirectories(root);
            var pointer = root.resolve(CURRENT);
            Path folder;
            if (Files.exists(pointer)) {
                folder = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            } else {
                folder = newFolder();
                writeCurrent(folder);
            }
            var generation = open(folder);
            removeLeftovers(folder);
            return generation;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + root, e);
        }
    }

    /** Folders of rebuilds that never completed (the process stopped midway) are of no use. */
    private void removeLeftovers(Path keep) throws IOException {
        try (var folders = Files.list(root)) {
            for (var folder : folders.filter(f -> Files.isDirectory(f) && !f.equals(keep)).toList()) {
                log.info("Removing unfinished search index {}", folder);
                IOUtils.rm(folder);
            }
        }
    }

    private Path newFolder() {
        try {
            return Files.createTempDirectory(root, "index-" + clock.millis() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a search index folder under " + root, e);
        }
    }

    private void writeCurrent(Path folder) throws IOException {
        var temporary = root.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, folder.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(temporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Generation open(Path folder) {
        try {
            var directory = FSDirectory.open(folder);
            var config = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb);
            var writer = new IndexWriter(directory, config);
            writer.commit();   // an empty index is still a valid one to search
            return new Generation(folder, writer, new SearcherManager(writer, searcherFactory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
    }

    /** Replaces the story's documents; with none, deletes them (an empty update is not a delete in Lucene). */
    private static void write(IndexWriter writer, Term story, List<Document> docs) throws IOException {
        if (docs.isEmpty()) {
            writer.deleteDocuments(story);
        } else {
            writer.updateDocuments(story, docs);
        }
    }

    private static Term storyTerm(long storyId) {
        return new Term(Fields.STORY, Long.toString(storyId));
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            return withSearcher(live.searchers, work);
        } catch (AlreadyClosedException swappedMeanwhile) {
            return withSearcher(live.searchers, work);   // a rebuild was swapped in between; the new one answers
        }
    }

    private static <T> T withSearcher(SearcherManager searchers, SearcherWork<T> work) {
        try {
            var searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** One index folder with its writer and searchers. */
    private record Generation(Path folder, IndexWriter writer, SearcherManager searchers) {

        void close() {
            try {
                IOUtils.close(searchers, writer, writer.getDirectory());
            } catch (IOException e) {
                log.warn("Closing the search index in {} failed", folder, e);
            }
        }

        void closeAndDelete() {
            close();
            try {
                IOUtils.rm(folder);
            } catch (IOException e) {
                log.warn("Cannot delete the old search index {}", folder, e);
            }
        }
    }

    /** Exposes the unified highlighter's per-document objects, which carry our {@link Highlighted} values. */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, passages);
        }
    }
}
