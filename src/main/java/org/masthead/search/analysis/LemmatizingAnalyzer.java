package org.masthead.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * Running text reduced to dictionary lemmas ("переговорів", "переговорах" → "переговори"; "переговоров" →
 * "переговоры"). For Ukrainian this is UkrainianMorfologikAnalyzer's chain — its character normalization,
 * stop words and dictionary — with {@link LemmaFilter} in place of MorfologikFilter; Russian gets the same
 * chain over LanguageTool's dictionary, unlike Lucene's RussianAnalyzer, which cuts suffixes by rule and
 * conflates unrelated words.
 */
final class LemmatizingAnalyzer extends Analyzer {

    private final NormalizeCharMap normalization;
    private final CharArraySet stopWords;
    private final Lemmas lemmas;

    private LemmatizingAnalyzer(NormalizeCharMap normalization, CharArraySet stopWords, Lemmas lemmas) {
        this.normalization = normalization;
        this.stopWords = stopWords;
        this.lemmas = lemmas;
    }

    static LemmatizingAnalyzer ukrainian() {
        var map = new NormalizeCharMap.Builder();
        // apostrophes as typed on any keyboard; stress marks and soft hyphens away; ґ as the dictionary has it
        for (var apostrophe : new String[] {"\u2019", "\u2018", "\u02BC", "`", "\u00B4"}) {
            map.add(apostrophe, "'");
        }
        map.add("\u0301", "");
        map.add("\u00AD", "");
        map.add("ґ", "г");
        map.add("Ґ", "Г");
        return new LemmatizingAnalyzer(map.build(), UkrainianMorfologikAnalyzer.getDefaultStopwords(),
                Dictionaries.UKRAINIAN);
    }

    static LemmatizingAnalyzer russian() {
        var map = new NormalizeCharMap.Builder();
        // stress marks away; "ё" is written "е" in most news text, so both spellings meet
        map.add("\u0301", "");
        map.add("\u00AD", "");
        map.add("ё", "е");
        map.add("Ё", "Е");
        return new LemmatizingAnalyzer(map.build(), RussianAnalyzer.getDefaultStopSet(), Dictionaries.RUSSIAN);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(normalization, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var source = new StandardTokenizer();
        var words = new StopFilter(new LowerCaseFilter(source), stopWords);
        return new TokenStreamComponents(source, new LemmaFilter(words, lemmas));
    }
}
