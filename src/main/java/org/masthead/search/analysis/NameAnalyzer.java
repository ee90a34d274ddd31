package org.masthead.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.masthead.platform.Language;

/**
 * Name keys of a text in one language: words are lemmatized first ("Зеленського" → "зеленський"), then
 * keyed ({@link NameKeys}). Indexing keeps only capitalized words; queries key every word, since readers
 * type names in lower case.
 */
final class NameAnalyzer extends Analyzer {

    private final Language language;
    private final boolean capitalizedOnly;

    NameAnalyzer(Language language, boolean capitalizedOnly) {
        this.language = language;
        this.capitalizedOnly = capitalizedOnly;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var source = new StandardTokenizer();
        TokenStream stream = capitalizedOnly ? new CapitalizedFilter(source) : source;
        stream = new LowerCaseFilter(stream);
        stream = switch (language) {
            case UK -> new LemmaFilter(stream, Dictionaries.UKRAINIAN);
            case RU -> new LemmaFilter(stream, Dictionaries.RUSSIAN);
            case EN -> new EnglishPossessiveFilter(stream);
        };
        return new TokenStreamComponents(source, new NameKeyFilter(stream, language));
    }
}
