package org.masthead.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.masthead.platform.Language;
import org.masthead.search.QueryText;
import org.masthead.search.SearchOrder;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.Visibility;
import org.masthead.search.SearchDocument;
import org.masthead.search.SearchIndex;
import org.masthead.search.lucene.LuceneSearchIndex;
import org.masthead.search.opensearch.OpenSearchProperties;
import org.masthead.search.opensearch.OpenSearchSearchIndex;

/**
 * Indexes synthetic stories through the same rebuild path as {@code ./masthead reindex}, then times a mix
 * of reader queries (single word, inflected word, phrase, faceted), each as the search page runs it:
 * with facet counts and highlighted snippets for one page of ten; then suggestions as the reader types.
 * Then 100 publishes one at a time, each timed from the write until a search finds it. Arguments: stories
 * (default 1000000; 0 times queries on the index left by an earlier run), index folder, threads (default 2),
 * queries (default 4000), and an OpenSearch address to run all of it on OpenSearch instead of the embedded index.
 */
public final class SearchBenchmark {

    public static void main(String[] args) throws Exception {
        long stories = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        var folder = Path.of(args.length > 1 ? args[1] : "target/bench-search-index");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 4000;

        var properties = new SearchProperties(folder, ZoneId.of("Europe/Kyiv"), Duration.ofDays(14), 128, 10);
        var clock = Clock.fixed(SyntheticStories.NEWEST, ZoneId.of("UTC"));
        SearchIndex index;
        if (args.length > 4) {
            index = new OpenSearchSearchIndex(new OpenSearchProperties(java.net.URI.create(args[4]), null, null,
                    "bench", 0, Duration.ofMinutes(2)), properties, clock, tools.jackson.databind.json.JsonMapper.builder()
                    .build());
            System.out.println("Engine: OpenSearch at " + args[4]);
        } else {
            index = new LuceneSearchIndex(properties, clock);
            System.out.println("Engine: embedded Lucene");
        }

        if (stories > 0) {
            index(index, stories, threads);
        }
        if (index instanceof LuceneSearchIndex) {
            System.out.printf("Index size: %,.0f MB (%,d documents)%n", size(folder) / 1e6, index.documentCount());
        } else {
            System.out.printf("Documents: %,d%n", index.documentCount());
        }
        query(index, queries);
        publishToSearchable(index, stories, 100);
        if (index instanceof LuceneSearchIndex lucene) {
            lucene.destroy();
        }
    }

    /**
     * Publishes one story at a time, as the outbox's index consumer writes it, and searches for its unique word
     * until found: from the write to searchable on this index (the outbox relay's wake-up comes on top).
     */
    private static void publishToSearchable(SearchIndex index, long stories, int publishes) {
        var took = new long[publishes];
        for (int i = 0; i < publishes; i++) {
            var story = SyntheticStories.story(stories + 1_000_000 + i);
            var word = "publishmark" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
            var marked = new SearchDocument(story.storyId(), story.language(), story.revision(), true, true,
                    story.status(), story.sectionSlug(), story.tags(), story.authors(), story.speakers(), story.slug(),
                    story.headline() + " " + word, story.standfirst(), story.text(), story.date());
            var query = new SearchQuery(story.language(), QueryText.parse(word), Visibility.PUBLISHED,
                    SearchOrder.RELEVANCE, null, null, null, null, 0, 10, false);
            long t0 = System.nanoTime();
            index.replace(story.storyId(), List.of(marked));
            while (index.search(query).total() == 0) {
                Thread.onSpinWait();
            }
            took[i] = System.nanoTime() - t0;
        }
        report("publish", took);
    }

    private static void index(SearchIndex index, long stories, int threads) throws InterruptedException {
        long lexicons = System.nanoTime();
        SyntheticStories.story(0);   // loads the word lists before the clock starts
        System.out.printf("Word lists ready in %.1f s%n", (System.nanoTime() - lexicons) / 1e9);
        var next = new AtomicLong();
        long started = System.nanoTime();
        try (var rebuild = index.rebuild()) {
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    // batches of 100, as the reindex copies them
                    for (long n = next.getAndAdd(100); n < stories; n = next.getAndAdd(100)) {
                        var batch = new java.util.LinkedHashMap<Long, List<SearchDocument>>();
                        for (long m = n; m < Math.min(stories, n + 100); m++) {
                            var story = SyntheticStories.story(m);
                            batch.put(story.storyId(), List.of(story));
                        }
                        rebuild.add(batch);
                        if (n > 0 && n % 100_000 == 0) {
                            System.out.printf("  %,d stories indexed%n", n);
                        }
                    }
                }));
            }
            for (var worker : workers) {
                worker.join();
            }
            rebuild.complete();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Indexed %,d stories in %.1f s: %,.0f stories/s (%d threads, committed, searchable)%n",
                stories, seconds, stories / seconds, threads);
    }

    private static void query(SearchIndex index, int queries) {

        var random = new SplittableRandom(7);
        var kinds = List.of("single", "inflected", "phrase", "faceted");
        for (int i = 0; i < 400; i++) {
            index.search(query(random, kinds.get(i % 4)));   // warm-up
        }
        var all = new long[queries];
        var byKind = new long[kinds.size()][queries / kinds.size()];
        long totalHits = 0;
        for (int i = 0; i < queries; i++) {
            var kind = i % kinds.size();
            var query = query(random, kinds.get(kind));
            long t0 = System.nanoTime();
            totalHits += index.search(query).total();
            long took = System.nanoTime() - t0;
            all[i] = took;
            if (i / kinds.size() < byKind[kind].length) {
                byKind[kind][i / kinds.size()] = took;
            }
        }
        System.out.printf("Queries: %,d (average %,d matches each)%n", queries, totalHits / queries);
        report("all", all);
        for (int k = 0; k < kinds.size(); k++) {
            report(kinds.get(k), byKind[k]);
        }
        suggestions(index, random, queries / kinds.size());
    }

    /** Suggestions as the reader types: the first two to six letters of a query word. */
    private static void suggestions(SearchIndex index, SplittableRandom random, int count) {
        var took = new long[count];
        for (int i = 0; i < count; i++) {
            var language = Language.values()[random.nextInt(3)];
            var word = SyntheticStories.lexicon(language).queryLemma(random)[0];
            var typed = word.substring(0, Math.min(word.length(), 2 + random.nextInt(5)));
            long t0 = System.nanoTime();
            index.suggest(language, typed, 6);
            took[i] = System.nanoTime() - t0;
        }
        report("suggest", took);
    }

    private static SearchQuery query(SplittableRandom random, String kind) {
        var language = Language.values()[random.nextInt(3)];
        var lexicon = SyntheticStories.lexicon(language);
        var forms = lexicon.queryLemma(random);
        var text = switch (kind) {
            case "single" -> forms[0];
            case "inflected" -> forms[1 + random.nextInt(forms.length - 1)];
            case "phrase" -> "\"" + SyntheticStories.phrase(random, language) + "\"";
            default -> forms[random.nextInt(forms.length)];
        };
        boolean faceted = kind.equals("faceted");
        return new SearchQuery(language, QueryText.parse(text), Visibility.PUBLISHED,
                random.nextInt(4) == 0 ? SearchOrder.NEWEST : SearchOrder.RELEVANCE,
                faceted ? SyntheticStories.SECTIONS[random.nextInt(SyntheticStories.SECTIONS.length)] : null,
                faceted && random.nextBoolean() ? "tag-" + random.nextInt(SyntheticStories.TAGS) : null,
                faceted && random.nextInt(3) == 0 ? YearMonth.of(2026, 1 + random.nextInt(10)) : null, null,
                0, 10, true);
    }

    private static void report(String name, long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-10s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms%n", name, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
