package org.masthead.search.opensearch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.search.SearchDocument;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchOrder;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchResults.FacetCount;
import org.masthead.search.SearchResults.Facets;
import org.masthead.search.SearchResults.Hit;
import org.masthead.search.SearchUnavailable;
import org.masthead.search.Suggestion;
import org.masthead.search.lucene.Completions;
import org.masthead.search.lucene.FieldAnalyzers;
import org.masthead.search.lucene.Fields;
import org.masthead.search.lucene.LuceneDocuments;
import org.masthead.search.lucene.LuceneQueries;
import org.masthead.search.lucene.Snippets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index on an OpenSearch cluster, shared by every node: the same fields, tokens, queries and ranking as the
 * embedded index. Masthead's analyzers make the tokens and send them as {@link TokenText}, which the cluster reads
 * back with filters every distribution ships, so it needs no plug-in for Ukrainian and Russian lemmas or name keys;
 * queries are the embedded index's Lucene queries written as DSL ({@link QueryDsl}), the freshness boost the same
 * curve as an exponential decay, facets terms aggregations, and snippets are highlighted here from the words as
 * written. One shard, so that term statistics, and so scores, are the embedded index's.
 *
 * <p>Searches and writes go through an alias; each generation is a concrete index behind it. A rebuild fills a
 * fresh index, which a second alias names so that changes indexed meanwhile, on any node, reach it too, and swaps
 * it in behind the main alias in one atomic alias change.
 */
@Component
@ConditionalOnProperty(name = "masthead.search.engine", havingValue = "opensearch")
public class OpenSearchSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchIndex.class);
    private static final int FACET_VALUES = 12;
    /** Where a story's documents can be: each language's live revision and its working copy. */
    private static final List<String> SLOTS = List.of("live", "work");

    private final OpenSearchClient client;
    private final JsonMapper json;
    private final String alias;
    private final String rebuildAlias;
    private final int replicas;
    private final ZoneId zone;
    private final double halfLifeMillis;
    private final Clock clock;
    private final FieldAnalyzers analyzers = new FieldAnalyzers();
    private final LuceneQueries queries = new LuceneQueries(analyzers.query());
    private final Snippets snippets = new Snippets(analyzers);
    private final Completions completions = new Completions(analyzers.words());
    private final Object rebuilding = new Object();
    private volatile boolean ready;
    private @Nullable String building;

    public OpenSearchSearchIndex(OpenSearchProperties properties, SearchProperties search, Clock clock, JsonMapper json) {
        this.client = new OpenSearchClient(properties, json);
        this.json = json;
        this.alias = properties.index();
        this.rebuildAlias = properties.index() + "-rebuild";
        this.replicas = properties.replicas();
        this.zone = search.timeZone();
        this.halfLifeMillis = search.recencyHalfLife().toMillis();
        this.clock = clock;
        try {
            ensureIndex();
        } catch (SearchUnavailable e) {
            // the site starts without its search; the index is made once the cluster answers
            log.warn("OpenSearch is not reachable yet; search answers 503 until it is: {}", e.getMessage());
        }
    }

    /** Makes the first generation behind the alias unless there is one; two nodes starting at once make one. */
    private void ensureIndex() {
        if (ready) {
            return;
        }
        if (client.callOrMissing("GET", "_alias/" + alias, null) == null) {
            var created = index(false);
            created.putObject("aliases").putObject(alias);
            var answer = client.callOrMissingOrExisting("PUT", alias + "-0", created);
            if (answer != null) {
                log.info("Created the OpenSearch index {}-0 behind the alias {}", alias, alias);
            }
        }
        ready = true;
    }

    /** Settings and mappings of one generation: the token analyzer, one shard, and every field of {@link Fields}. */
    private ObjectNode index(boolean forRebuild) {
        var body = json.createObjectNode();
        var settings = body.putObject("settings").putObject("index");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", replicas);
        if (forRebuild) {
            settings.put("refresh_interval", "-1");
        }
        var analysis = settings.putObject("analysis");
        var tokenizer = analysis.putObject("tokenizer").putObject("masthead_words");
        tokenizer.put("type", "whitespace");
        tokenizer.put("max_token_length", 65_536);
        var filters = analysis.putObject("filter");
        var stacked = filters.putObject("masthead_stacked");
        stacked.put("type", "pattern_capture");
        stacked.put("preserve_original", false);
        stacked.putArray("patterns").add("([^" + TokenText.STACK + "]+)");
        var gaps = filters.putObject("masthead_gaps");
        gaps.put("type", "stop");
        gaps.putArray("stopwords").add(TokenText.GAP);
        var analyzer = analysis.putObject("analyzer").putObject(TokenText.ANALYZER);
        analyzer.put("type", "custom");
        analyzer.put("tokenizer", "masthead_words");
        analyzer.putArray("filter").add("masthead_stacked").add("masthead_gaps");

        var mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        var properties = mappings.putObject("properties");
        for (var keyword : List.of(Fields.STORY, Fields.LANGUAGE, Fields.LIVE, Fields.LATEST, Fields.STATUS,
                Fields.SECTION, Fields.TAG, Fields.MONTH)) {
            properties.putObject(keyword).put("type", "keyword");
        }
        var date = properties.putObject(Fields.DATE);
        date.put("type", "date");
        date.put("format", "epoch_millis");
        for (var stored : List.of(Fields.SLUG, Fields.TAG_NAMES, Fields.PEOPLE)) {
            var field = properties.putObject(stored);
            field.put("type", "keyword");
            field.put("index", false);
            field.put("doc_values", false);
        }
        var revision = properties.putObject(Fields.REVISION);
        revision.put("type", "integer");
        revision.put("index", false);
        var shown = properties.putObject(SHOWN);
        shown.put("type", "object");
        shown.put("enabled", false);
        for (var language : Language.values()) {
            for (var text : List.of(Fields.headline(language), Fields.standfirst(language), Fields.body(language),
                    Fields.tags(language), Fields.names(language))) {
                var field = properties.putObject(text);
                field.put("type", "text");
                field.put("analyzer", TokenText.ANALYZER);
            }
            for (var prefixes : List.of(Fields.suggestHeadline(language), Fields.suggestTerms(language))) {
                var field = properties.putObject(prefixes);
                field.put("type", "text");
                field.put("analyzer", TokenText.ANALYZER);
                field.put("index_options", "docs");
                field.put("norms", false);
            }
        }
        return body;
    }

    /** The texts as written, which results show and snippets are made from; not indexed. */
    private static final String SHOWN = "shown";

    @Override
    public void replace(Map<Long, List<SearchDocument>> stories) {
        if (stories.isEmpty()) {
            return;
        }
        ensureIndex();
        var targets = new ArrayList<String>();
        targets.add(alias);
        if (client.callOrMissing("GET", "_alias/" + rebuildAlias, null) != null) {
            targets.add(rebuildAlias);   // a rebuild in progress, on this node or another
        }
        var lines = new StringBuilder();
        for (var target : targets) {
            stories.forEach((storyId, documents) -> write(lines, target, storyId, documents));
        }
        // refreshed before returning: visible to searches on every node, and the outbox moves its cursor only after
        client.bulkChecked("_bulk?refresh=true", lines.toString());
    }

    /** Indexes each of the story's documents in its slot and deletes the slots it no longer fills. */
    private void write(StringBuilder lines, String target, long storyId, List<SearchDocument> documents) {
        var filled = new LinkedHashMap<String, SearchDocument>();
        for (var document : documents) {
            var id = id(storyId, document.language(), document.live());
            if (filled.put(id, document) != null) {
                throw new IllegalArgumentException("Story " + storyId + " has two documents for " + id);
            }
        }
        for (var language : Language.values()) {
            for (var slot : SLOTS) {
                var id = storyId + "-" + language.code() + "-" + slot;
                var document = filled.get(id);
                var action = json.createObjectNode();
                var meta = action.putObject(document == null ? "delete" : "index");
                meta.put("_index", target);
                meta.put("_id", id);
                lines.append(json.writeValueAsString(action)).append('\n');
                if (document != null) {
                    lines.append(json.writeValueAsString(source(document))).append('\n');
                }
            }
        }
    }

    private static String id(long storyId, Language language, boolean live) {
        return storyId + "-" + language.code() + "-" + (live ? "live" : "work");
    }

    /** The fields of {@link LuceneDocuments}, with the texts as Masthead's tokens. */
    private ObjectNode source(SearchDocument document) {
        var language = document.language();
        var analyzer = analyzers.index();
        var source = json.createObjectNode();
        source.put(Fields.STORY, Long.toString(document.storyId()));
        source.put(Fields.LANGUAGE, language.code());
        source.put(Fields.LIVE, document.live() ? Fields.YES : Fields.NO);
        source.put(Fields.LATEST, document.latest() ? Fields.YES : Fields.NO);
        source.put(Fields.STATUS, document.status());
        source.put(Fields.REVISION, document.revision());
        source.put(Fields.SLUG, document.slug());
        source.put(Fields.SECTION, document.sectionSlug());
        var tags = source.putArray(Fields.TAG);
        var tagNames = source.putArray(Fields.TAG_NAMES);
        for (var tag : document.tags()) {
            tags.add(tag.slug());
            tagNames.add(tag.slug() + "\t" + tag.name());
        }
        source.put(Fields.MONTH, LuceneDocuments.MONTH.format(document.date().atZone(zone)));
        source.put(Fields.DATE, document.date().toEpochMilli());
        var people = LuceneDocuments.people(document);
        var peopleArray = source.putArray(Fields.PEOPLE);
        people.forEach(peopleArray::add);
        var tagText = LuceneDocuments.tagNames(document);
        source.put(Fields.headline(language), TokenText.of(analyzer, Fields.headline(language), document.headline()));
        source.put(Fields.standfirst(language), TokenText.of(analyzer, Fields.standfirst(language),
                document.standfirst()));
        source.put(Fields.body(language), TokenText.of(analyzer, Fields.body(language), document.text()));
        source.put(Fields.tags(language), TokenText.of(analyzer, Fields.tags(language), tagText));
        source.put(Fields.names(language), TokenText.of(analyzer, Fields.names(language),
                LuceneDocuments.namesText(document, tagText, people)));
        source.put(Fields.suggestHeadline(language), TokenText.of(analyzer, Fields.suggestHeadline(language),
                document.headline()));
        source.put(Fields.suggestTerms(language), TokenText.of(analyzer, Fields.suggestTerms(language),
                tagText + "\n" + String.join("\n", people)));
        var shown = source.putObject(SHOWN);
        shown.put("headline", document.headline());
        shown.put("standfirst", document.standfirst());
        shown.put("body", document.text());
        return source;
    }

    @Override
    public SearchResults search(SearchQuery search) {
        var languages = search.language() == null ? Language.all() : List.of(search.language());
        var match = queries.matchAny(languages, search.text());
        if (match == null) {
            return SearchResults.NONE;
        }
        ensureIndex();
        var filters = new BooleanQuery.Builder();
        LuceneQueries.addFilters(filters, search);
        var query = QueryDsl.of(filters.build());
        var bool = (ObjectNode) query.get("bool");
        bool.withArray("must").add(search.order() == SearchOrder.RELEVANCE ? fresher(QueryDsl.of(match))
                : QueryDsl.of(match));
        var body = json.createObjectNode();
        body.set("query", query);
        body.put("from", search.offset());
        body.put("size", search.limit());
        body.put("track_total_hits", true);
        body.putArray("_source").add(Fields.STORY).add(Fields.LANGUAGE).add(Fields.SECTION).add(Fields.SLUG)
                .add(Fields.STATUS).add(Fields.LIVE).add(Fields.DATE).add(SHOWN);
        if (search.order() == SearchOrder.NEWEST) {
            body.putArray("sort").addObject().put(Fields.DATE, "desc");
        }
        if (search.facets()) {
            var aggregations = body.putObject("aggs");
            facet(aggregations, Fields.SECTION, false);
            facet(aggregations, Fields.TAG, false);
            facet(aggregations, Fields.MONTH, true);
        }
        var answer = client.call("POST", alias + "/_search", body);
        var hits = new ArrayList<Hit>();
        for (var hit : answer.path("hits").path("hits")) {
            hits.add(hit(hit.path("_source"), match, languages.size() == 1));
        }
        long total = answer.path("hits").path("total").path("value").asLong();
        var facets = search.facets() ? new Facets(counts(answer, Fields.SECTION), counts(answer, Fields.TAG),
                counts(answer, Fields.MONTH)) : Facets.NONE;
        return new SearchResults(total, hits, facets);
    }

    /**
     * Relevance times 1 + 2^(-age / half-life), as the embedded index ranks: a weight of one plus an exponential
     * decay that halves every half-life, summed, multiplying the score.
     */
    private ObjectNode fresher(ObjectNode match) {
        // rounded to the minute so that equal queries stay equal for a while
        long now = clock.millis() / 60_000 * 60_000;
        var node = json.createObjectNode();
        var body = node.putObject("function_score");
        body.set("query", match);
        var functions = body.putArray("functions");
        functions.addObject().put("weight", 1);
        var decay = functions.addObject().putObject("exp").putObject(Fields.DATE);
        decay.put("origin", now);
        decay.put("scale", (long) halfLifeMillis + "ms");
        decay.put("decay", 0.5);
        body.put("score_mode", "sum");
        body.put("boost_mode", "multiply");
        return node;
    }

    private static void facet(ObjectNode aggregations, String field, boolean newestFirst) {
        var terms = aggregations.putObject(field).putObject("terms");
        terms.put("field", field);
        terms.put("size", FACET_VALUES);
        var order = terms.putArray("order");
        if (newestFirst) {
            order.addObject().put("_key", "desc");
        } else {
            order.addObject().put("_count", "desc");
            order.addObject().put("_key", "asc");
        }
    }

    private static List<FacetCount> counts(JsonNode answer, String field) {
        var counts = new ArrayList<FacetCount>();
        for (var bucket : answer.path("aggregations").path(field).path("buckets")) {
            counts.add(new FacetCount(bucket.path("key").asString(), bucket.path("doc_count").asLong()));
        }
        return counts;
    }

    private Hit hit(JsonNode source, Query match, boolean oneLanguage) {
        var language = Language.fromCode(source.path(Fields.LANGUAGE).asString()).orElseThrow();
        var shown = source.path(SHOWN);
        var headline = shown.path("headline").asString();
        return new Hit(Long.parseLong(source.path(Fields.STORY).asString()), language,
                source.path(Fields.SECTION).asString(), source.path(Fields.SLUG).asString(),
                snippets.headline(match, language, oneLanguage, headline),
                snippets.snippet(match, language, oneLanguage, shown.path("body").asString(),
                        shown.path("standfirst").asString()),
                Instant.ofEpochMilli(source.path(Fields.DATE).asLong()), source.path(Fields.STATUS).asString(),
                Fields.YES.equals(source.path(Fields.LIVE).asString()));
    }

    @Override
    public List<Suggestion> suggest(Language language, String prefix, int limit) {
        var typed = completions.typed(prefix);
        if (typed.isEmpty()) {
            return List.of();
        }
        ensureIndex();
        var body = json.createObjectNode();
        var bool = body.putObject("query").putObject("bool");
        bool.putArray("must_not").add(QueryDsl.term(new org.apache.lucene.index.Term(Fields.LIVE, Fields.NO), 1f));
        var either = bool.putArray("must").addObject().putObject("bool").putArray("should");
        for (var field : List.of(Fields.suggestHeadline(language), Fields.suggestTerms(language))) {
            var all = either.addObject().putObject("bool").putArray("filter");
            for (var word : typed) {
                all.add(QueryDsl.term(new org.apache.lucene.index.Term(field, Completions.indexedPrefix(word)), 1f));
            }
        }
        body.put("size", Completions.POOL);
        body.putArray("sort").addObject().put(Fields.DATE, "desc");
        body.putArray("_source").add(Fields.STORY).add(Fields.SECTION).add(Fields.SLUG).add(Fields.TAG_NAMES)
                .add(Fields.PEOPLE).add(SHOWN + ".headline");
        var answer = client.call("POST", alias + "/_search", body);
        var candidates = new ArrayList<Completions.Candidate>();
        for (var hit : answer.path("hits").path("hits")) {
            var source = hit.path("_source");
            candidates.add(new Completions.Candidate(Long.parseLong(source.path(Fields.STORY).asString()),
                    source.path(Fields.SECTION).asString(), source.path(Fields.SLUG).asString(),
                    source.path(SHOWN).path("headline").asString(), strings(source.path(Fields.TAG_NAMES)),
                    strings(source.path(Fields.PEOPLE))));
        }
        return completions.collect(language, typed, candidates, limit);
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    @Override
    public long documentCount() {
        ensureIndex();
        return client.call("GET", alias + "/_count", null).path("count").asLong();
    }

    @Override
    public Rebuild rebuild() {
        ensureIndex();
        String fresh;
        synchronized (rebuilding) {
            if (building != null) {
                throw new IllegalStateException("A rebuild of the search index is already running");
            }
            var left = client.callOrMissing("GET", "_alias/" + rebuildAlias, null);
            if (left != null) {
                // a rebuild abandoned by a node that stopped midway
                for (var name : names(left)) {
                    log.warn("Removing the unfinished search index {}", name);
                    client.callOrMissing("DELETE", name, null);
                }
            }
            fresh = alias + "-" + clock.millis();
            var body = index(true);
            body.putObject("aliases").putObject(rebuildAlias);
            client.call("PUT", fresh, body);
            building = fresh;
        }
        return new Rebuild() {
            private boolean completed;
            @Override
            public void add(long storyId, List<SearchDocument> documents) {
                add(Map.of(storyId, documents));
            }

            /** One bulk request for all of them: one request per story would cost more. */
            @Override
            public void add(Map<Long, List<SearchDocument>> stories) {
                var lines = new StringBuilder();
                stories.forEach((storyId, documents) -> write(lines, fresh, storyId, documents));
                if (!lines.isEmpty()) {
                    client.bulkChecked("_bulk", lines.toString());
                }
            }

            @Override
            public void complete() {
                synchronized (rebuilding) {
                    client.call("POST", fresh + "/_refresh", null);
                    var settings = json.createObjectNode();
                    settings.putObject("index").putNull("refresh_interval");
                    client.call("PUT", fresh + "/_settings", settings);
                    var old = names(client.call("GET", "_alias/" + alias, null));
                    var change = json.createObjectNode();
                    var actions = change.putArray("actions");
                    alias(actions, "add", fresh, alias);
                    alias(actions, "remove", fresh, rebuildAlias);
                    old.forEach(name -> alias(actions, "remove", name, alias));
                    client.call("POST", "_aliases", change);
                    building = null;
                    completed = true;
                    // searches already running on the old index finish first: OpenSearch deletes it after them
                    old.forEach(name -> client.callOrMissing("DELETE", name, null));
                }
            }

            @Override
            public void close() {
                synchronized (rebuilding) {
                    if (completed || !fresh.equals(building)) {
                        return;
                    }
                    building = null;
                }
                try {
                    client.callOrMissing("DELETE", fresh, null);
                } catch (RuntimeException e) {
                    log.warn("Cannot delete the unfinished search index {}", fresh, e);
                }
            }
        };
    }

    private static void alias(ArrayNode actions, String action, String index, String alias) {
        var body = actions.addObject().putObject(action);
        body.put("index", index);
        body.put("alias", alias);
    }

    /** The concrete indices an {@code _alias} answer names. */
    private static Set<String> names(JsonNode aliases) {
        return Set.copyOf(aliases.propertyNames());
    }
}
