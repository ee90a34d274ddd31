package org.masthead.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.search.QueryText;
import org.masthead.search.SearchQuery;
import org.masthead.search.Visibility;

/** Turns a parsed query into Lucene queries over the fields of one language. */
public final class LuceneQueries {

    /** How much a match in each field counts; headlines and tags say most about what a story is about. */
    private record WeightedField(String name, float boost, boolean phrases) {
    }

    private final QueryBuilder builder;

    public LuceneQueries(Analyzer queryAnalyzer) {
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    /**
     * Each clause must match in some field of the language (one of four may be missing from longer queries);
     * null when nothing in the text is searchable (only stop words, say).
     */
    public @Nullable Query match(Language language, QueryText text) {
        var fields = List.of(
                new WeightedField(Fields.headline(language), 3f, true),
                new WeightedField(Fields.tags(language), 2f, true),
                new WeightedField(Fields.names(language), 1.5f, false),
                new WeightedField(Fields.standfirst(language), 1.5f, true),
                new WeightedField(Fields.body(language), 1f, true));
        var query = new BooleanQuery.Builder();
        int words = 0;
        boolean any = false;
        for (var clause : text.clauses()) {
            var alternatives = new ArrayList<Query>();
            for (var field : fields) {
                var part = clause.phrase() && field.phrases()
                        ? builder.createPhraseQuery(field.name(), clause.text())
                        : builder.createBooleanQuery(field.name(), clause.text(), Occur.MUST);
                if (part != null) {
                    alternatives.add(new BoostQuery(part, field.boost()));
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            any = true;
            var either = new DisjunctionMaxQuery(alternatives, 0.1f);
            if (clause.phrase()) {
                query.add(either, Occur.MUST);
            } else {
                query.add(either, Occur.SHOULD);
                words++;
            }
        }
        if (!any) {
            return null;
        }
        query.setMinimumNumberShouldMatch(words <= 2 ? words : words - words / 4);
        return query.build();
    }

    /** {@link #match} in any of {@code languages}: a version has the text fields of its own language only. */
    public @Nullable Query matchAny(List<Language> languages, QueryText text) {
        var any = new BooleanQuery.Builder();
        int clauses = 0;
        for (var language : languages) {
            var match = match(language, text);
            if (match != null) {
                any.add(match, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /**
     * Visibility, the chosen facet values and status, as non-scoring clauses. The language needs none: only
     * versions in that language have its text fields. Visibility excludes the few documents readers or editors
     * must not see, rather than requiring the many they may: a sparse exclusion costs far less per match.
     */
    public static void addFilters(BooleanQuery.Builder query, SearchQuery search) {
        var visible = search.visibility() == Visibility.PUBLISHED ? Fields.LIVE : Fields.LATEST;
        query.add(new TermQuery(new Term(visible, Fields.NO)), Occur.MUST_NOT);
        if (search.section() != null) {
            query.add(new TermQuery(new Term(Fields.SECTION, search.section())), Occur.FILTER);
        }
        if (search.tag() != null) {
            query.add(new TermQuery(new Term(Fields.TAG, search.tag())), Occur.FILTER);
        }
        if (search.month() != null) {
            query.add(new TermQuery(new Term(Fields.MONTH, LuceneDocuments.MONTH.format(search.month()))),
                    Occur.FILTER);
        }
        if (search.status() != null) {
            query.add(new TermQuery(new Term(Fields.STATUS, search.status().name())), Occur.FILTER);
        }
    }
}
