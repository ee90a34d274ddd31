package org.masthead.search.lucene;

import java.util.HashMap;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.masthead.platform.Language;
import org.masthead.search.analysis.LanguageAnalyzers;

/**
 * Which analyzer makes the tokens of each field (see {@link Fields}), when indexing and when querying: the one
 * place that decides it for every engine, so the embedded index and OpenSearch index and query the same tokens.
 * Names differ between the two sides: indexing keys capitalized words only, queries key every word.
 */
public final class FieldAnalyzers {

    private final Analyzer index;
    private final Analyzer query;
    private final Analyzer words;

    public FieldAnalyzers() {
        var analyzers = new LanguageAnalyzers();
        var indexed = new HashMap<String, Analyzer>();
        var queried = new HashMap<String, Analyzer>();
        for (var language : Language.values()) {
            for (var field : List.of(Fields.headline(language), Fields.standfirst(language), Fields.body(language),
                    Fields.tags(language))) {
                indexed.put(field, analyzers.text(language));
            }
            indexed.put(Fields.names(language), analyzers.indexedNames(language));
            indexed.put(Fields.suggestHeadline(language), analyzers.prefixes());
            indexed.put(Fields.suggestTerms(language), analyzers.prefixes());
            queried.putAll(indexed);
            queried.put(Fields.names(language), analyzers.queriedNames(language));
        }
        this.words = analyzers.words();
        this.index = new PerFieldAnalyzerWrapper(words, indexed);
        this.query = new PerFieldAnalyzerWrapper(words, queried);
    }

    /** Per field, the analyzer of indexed text. */
    public Analyzer index() {
        return index;
    }

    /** Per field, the analyzer of query text. */
    public Analyzer query() {
        return query;
    }

    /** Lower-cased words without stemming, as suggestions compare them. */
    public Analyzer words() {
        return words;
    }
}
