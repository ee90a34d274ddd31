package org.masthead.search.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.masthead.platform.Language;

/**
 * One analyzer per language and purpose, so that stemming never crosses languages: dictionary lemmas for
 * Ukrainian and Russian, Porter stems for English, name keys for names in any script, and lower-cased word
 * prefixes for suggestions as the reader types. Analyzers are thread-safe; build this once.
 */
public final class LanguageAnalyzers {

    /** Prefixes longer than this are not indexed: a suggestion by a longer prefix looks up this long a one. */
    public static final int LONGEST_PREFIX = 20;

    private final Map<Language, Analyzer> text = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> indexedNames = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> queriedNames = new EnumMap<>(Language.class);
    private final Analyzer words = lowerCasedWords(false);
    private final Analyzer prefixes = lowerCasedWords(true);

    public LanguageAnalyzers() {
        text.put(Language.UK, LemmatizingAnalyzer.ukrainian());
        text.put(Language.RU, LemmatizingAnalyzer.russian());
        text.put(Language.EN, new EnglishAnalyzer());
        for (var language : Language.values()) {
            indexedNames.put(language, new NameAnalyzer(language, true));
            queriedNames.put(language, new NameAnalyzer(language, false));
        }
    }

    /** Running text: headlines, standfirsts, bodies, tag names. */
    public Analyzer text(Language language) {
        return text.get(language);
    }

    /** Name keys of capitalized words, for indexing. */
    public Analyzer indexedNames(Language language) {
        return indexedNames.get(language);
    }

    /** Name keys of every word, for queries. */
    public Analyzer queriedNames(Language language) {
        return queriedNames.get(language);
    }

    /** Lower-cased words without stemming. */
    public Analyzer words() {
        return words;
    }

    /**
     * Every word with its prefixes from two letters on, for suggestions as the reader types: a typed prefix
     * is one term to look up, not an expansion over every word it starts.
     */
    public Analyzer prefixes() {
        return prefixes;
    }

    private static Analyzer lowerCasedWords(boolean withPrefixes) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream words = new LowerCaseFilter(source);
                return new TokenStreamComponents(source,
                        withPrefixes ? new EdgeNGramTokenFilter(words, 2, LONGEST_PREFIX, true) : words);
            }
        };
    }
}
