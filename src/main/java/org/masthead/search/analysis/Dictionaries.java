package org.masthead.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/** The morfologik dictionaries: read once (several megabytes each), shared by every analyzer. */
final class Dictionaries {

    /** Distinct word forms whose lemmas are kept per language: a few megabytes, most of a news text's words. */
    private static final long CACHED_WORDS = 50_000;

    /** From ua.net.nlp:morfologik-ukrainian-search, the dictionary UkrainianMorfologikAnalyzer uses. */
    static final Lemmas UKRAINIAN = new Lemmas(read(UkrainianMorfologikAnalyzer.class, "/ua/net/nlp/ukrainian.dict"),
            CACHED_WORDS);

    /** From LanguageTool's language-ru: only the dictionary resource is used, none of LanguageTool's code. */
    static final Lemmas RUSSIAN = new Lemmas(read(Dictionaries.class, "/org/languagetool/resource/ru/russian.dict"),
            CACHED_WORDS);

    private Dictionaries() {
    }

    private static Dictionary read(Class<?> anchor, String resource) {
        var url = anchor.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Morfologik dictionary " + resource + " is not on the classpath");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
