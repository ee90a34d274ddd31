package org.masthead.search.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashSet;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;

/**
 * The distinct lower-cased lemmas of a word in one morfologik dictionary, remembered for the words seen most:
 * news text repeats its words, and a walk of the dictionary automaton costs far more than a cache hit.
 * Shared by every analyzer of the language and thread-safe; the lookups themselves are not, so each filter
 * brings its own {@link DictionaryLookup}.
 */
final class Lemmas {

    static final String[] NONE = {};

    private final Dictionary dictionary;
    private final Cache<String, String[]> known;

    Lemmas(Dictionary dictionary, long cachedWords) {
        this.dictionary = dictionary;
        this.known = Caffeine.newBuilder().maximumSize(cachedWords).build();
    }

    DictionaryLookup lookup() {
        return new DictionaryLookup(dictionary);
    }

    /** Empty when the dictionary does not know the word. */
    String[] of(String word, DictionaryLookup lookup) {
        return known.get(word, w -> read(w, lookup));
    }

    /**
     * A word has one dictionary entry per grammatical reading ("переговори" is nominative and accusative),
     * mostly with the same lemma: each lemma is kept once, so it counts once for the word's frequency.
     */
    private static String[] read(String word, DictionaryLookup lookup) {
        var entries = lookup.lookup(word);
        if (entries.isEmpty()) {
            return NONE;
        }
        var lemmas = new LinkedHashSet<String>();
        for (var entry : entries) {
            lemmas.add(entry.getStem().toString().toLowerCase(Locale.ROOT));
        }
        return lemmas.toArray(String[]::new);
    }
}
