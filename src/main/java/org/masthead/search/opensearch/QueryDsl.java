package org.masthead.search.opensearch;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Lucene query built by Masthead (over tokens its analyzers made) as OpenSearch's query DSL, so the
 * cluster runs the same query on the same tokens: terms as {@code term}, stacked lemmas and phrases as
 * {@code match} and {@code match_phrase} over {@link TokenText}, which OpenSearch's own query builder turns back
 * into the same synonym and phrase queries.
 */
final class QueryDsl {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryDsl() {
    }

    static ObjectNode of(Query query) {
        return of(query, 1f);
    }

    private static ObjectNode of(Query query, float boost) {
        return switch (query) {
            case BoostQuery boosted -> of(boosted.getQuery(), boost * boosted.getBoost());
            case TermQuery term -> term(term.getTerm(), boost);
            case SynonymQuery synonyms -> match(synonyms.getField(),
                    TokenText.ofPositions(List.of(synonyms.getTerms().stream().map(Term::text).toList()), new int[] {0}),
                    boost);
            case PhraseQuery phrase -> phrase(phrase.getField(),
                    Arrays.stream(phrase.getTerms()).map(term -> List.of(term.text())).toList(), phrase.getPositions(),
                    phrase.getSlop(), boost);
            case MultiPhraseQuery phrase -> phrase(phrase.getTermArrays()[0][0].field(),
                    Arrays.stream(phrase.getTermArrays()).map(terms -> Arrays.stream(terms).map(Term::text).toList())
                            .toList(), phrase.getPositions(), phrase.getSlop(), boost);
            case DisjunctionMaxQuery dismax -> {
                var node = NODES.objectNode();
                var body = node.putObject("dis_max");
                var queries = body.putArray("queries");
                dismax.getDisjuncts().forEach(disjunct -> queries.add(of(disjunct)));
                body.put("tie_breaker", dismax.getTieBreakerMultiplier());
                boost(body, boost);
                yield node;
            }
            case BooleanQuery bool -> {
                var node = NODES.objectNode();
                var body = node.putObject("bool");
                for (var clause : bool.clauses()) {
                    body.withArray(occur(clause.getOccur())).add(of(clause.getQuery()));
                }
                if (bool.getMinimumNumberShouldMatch() > 0) {
                    body.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
                }
                boost(body, boost);
                yield node;
            }
            case MatchNoDocsQuery none -> {
                var node = NODES.objectNode();
                node.putObject("match_none");
                yield node;
            }
            default -> throw new IllegalArgumentException("No OpenSearch form for " + query.getClass().getSimpleName()
                    + ": " + query);
        };
    }

    private static String occur(BooleanClause.Occur occur) {
        return switch (occur) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
        };
    }

    static ObjectNode term(Term term, float boost) {
        var node = NODES.objectNode();
        var body = node.putObject("term").putObject(term.field());
        body.put("value", term.text());
        boost(body, boost);
        return node;
    }

    private static ObjectNode match(String field, String tokens, float boost) {
        var node = NODES.objectNode();
        var body = node.putObject("match").putObject(field);
        body.put("query", tokens);
        body.put("analyzer", TokenText.ANALYZER);
        boost(body, boost);
        return node;
    }

    private static ObjectNode phrase(String field, List<List<String>> stacks, int[] positions, int slop, float boost) {
        var node = NODES.objectNode();
        var body = node.putObject("match_phrase").putObject(field);
        body.put("query", TokenText.ofPositions(stacks, positions));
        body.put("analyzer", TokenText.ANALYZER);
        if (slop > 0) {
            body.put("slop", slop);
        }
        boost(body, boost);
        return node;
    }

    private static void boost(ObjectNode body, float boost) {
        if (boost != 1f) {
            body.put("boost", boost);
        }
    }
}
