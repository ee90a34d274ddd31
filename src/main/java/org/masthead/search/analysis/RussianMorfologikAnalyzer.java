package org.masthead.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Russian words reduced to their dictionary lemmas ("переговоров", "переговорах" → "переговоры"),
 * unlike Lucene's RussianAnalyzer, which cuts suffixes by rule and conflates unrelated words.
 */
public final class RussianMorfologikAnalyzer extends Analyzer {

    /** Stress marks are dropped; "ё" is written "е" in most news text, so both spellings meet. */
    private static final NormalizeCharMap NORMALIZE;

    static {
        var map = new NormalizeCharMap.Builder();
        map.add("\u0301", "");
        map.add("ё", "е");
        map.add("Ё", "Е");
        NORMALIZE = map.build();
    }

    @Override
    protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return new MappingCharFilter(NORMALIZE, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, RussianAnalyzer.getDefaultStopSet());
        return new TokenStreamComponents(source, new LowerCaseFilter(new MorfologikFilter(stream, Dictionaries.RUSSIAN)));
    }
}
