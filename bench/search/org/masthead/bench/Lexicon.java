package org.masthead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryIterator;
import org.masthead.platform.Language;
import org.masthead.platform.text.Transliteration;

/**
 * Words of one language grouped by lemma, drawn with a Zipf-like frequency so that a few words are common
 * and most are rare, as in news text. Ukrainian and Russian words come from the same morfologik
 * dictionaries the index uses (every form of each lemma, so inflected queries are real); English words are
 * a small hand list plus regular forms of transliterated stems, which exercise the English stemmer alike.
 */
final class Lexicon {

    static final int LEMMAS = 6000;

    private final List<String[]> lemmas;
    private final double[] cumulative;

    private Lexicon(List<String[]> lemmas) {
        this.lemmas = lemmas;
        this.cumulative = new double[lemmas.size()];
        double sum = 0;
        for (int rank = 0; rank < lemmas.size(); rank++) {
            sum += 1.0 / (rank + 20);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < cumulative.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** All forms of a lemma drawn by frequency; the first form is the dictionary form. */
    String[] lemma(SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return lemmas.get(Math.min(lemmas.size() - 1, at < 0 ? -at - 1 : at));
    }

    /** A lemma of middling frequency, for queries: neither a stop-word-like giant nor a one-off. */
    String[] queryLemma(SplittableRandom random) {
        return lemmas.get(20 + random.nextInt(1500));
    }

    String word(SplittableRandom random) {
        var forms = lemma(random);
        return forms[random.nextInt(forms.length)];
    }

    static Lexicon of(Language language) {
        return switch (language) {
            case UK -> fromDictionary("/ua/net/nlp/ukrainian.dict", SyntheticStories.UK);
            case RU -> fromDictionary("/org/languagetool/resource/ru/russian.dict", SyntheticStories.RU);
            case EN -> english(fromDictionary("/ua/net/nlp/ukrainian.dict", SyntheticStories.UK));
        };
    }

    private static Lexicon fromDictionary(String resource, String[][] core) {
        try {
            var dictionary = Dictionary.read(Lexicon.class.getResource(resource));
            Map<String, Set<String>> forms = new LinkedHashMap<>();
            var entries = new DictionaryIterator(dictionary, dictionary.metadata.getDecoder(), true);
            long seen = 0;
            while (entries.hasNext() && forms.size() < LEMMAS * 3) {
                var entry = entries.next();
                if (seen++ % 7 != 0 && !forms.containsKey(String.valueOf(entry.getStem()))) {
                    continue;   // spread the sample across the alphabet
                }
                var word = String.valueOf(entry.getWord());
                var stem = String.valueOf(entry.getStem());
                if (word.length() < 4 || !word.chars().allMatch(Character::isLowerCase)) {
                    continue;
                }
                forms.computeIfAbsent(stem, s -> new LinkedHashSet<>(List.of(s))).add(word);
            }
            var lemmas = new ArrayList<String[]>();
            for (var group : core) {
                lemmas.add(group);
            }
            var rich = new ArrayList<>(forms.values().stream().filter(f -> f.size() >= 3).toList());
            java.util.Collections.shuffle(rich, new java.util.Random(42));
            for (var group : rich) {
                if (lemmas.size() >= LEMMAS) {
                    break;
                }
                lemmas.add(group.stream().limit(8).toArray(String[]::new));
            }
            return new Lexicon(lemmas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lexicon english(Lexicon ukrainian) {
        var lemmas = new ArrayList<String[]>();
        for (var group : SyntheticStories.EN) {
            lemmas.add(group);
        }
        for (var group : ukrainian.lemmas.subList(SyntheticStories.UK.length, ukrainian.lemmas.size())) {
            var stem = Transliteration.toLatin(group[0], Language.UK).replaceAll("[^a-z]", "");
            if (stem.length() >= 4) {
                lemmas.add(new String[] {stem, stem + "s", stem + "ed", stem + "ing"});
            }
        }
        return new Lexicon(lemmas);
    }
}
