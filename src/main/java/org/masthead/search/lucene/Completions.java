package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.masthead.platform.Language;
import org.masthead.search.Suggestion;
import org.masthead.search.analysis.LanguageAnalyzers;

/**
 * Suggestions from what the reader typed, for every engine: the terms to look up in the prefix fields (every
 * typed word, the last one as a prefix: "перегов" already finds "переговори"), then, over the freshest stories
 * having them, the headlines, tags and names whose words really are those.
 */
public final class Completions {

    /** Stories considered when collecting completions: the freshest matches win. */
    public static final int POOL = 60;

    private final Analyzer words;

    public Completions(Analyzer words) {
        this.words = words;
    }

    /** One story that has the typed prefixes, with what completions can be made of. */
    public record Candidate(long storyId, String sectionSlug, String slug, String headline, List<String> tagNames,
            List<String> people) {
    }

    /** The typed words as the suggestion fields index them; none when too little was typed to suggest anything. */
    public List<String> typed(String prefix) {
        var typed = words(prefix);
        return typed.isEmpty() || typed.getLast().length() < 2 ? List.of() : typed;
    }

    /** The term a typed word is looked up by: prefixes longer than the longest indexed one are cut to it. */
    public static String indexedPrefix(String word) {
        return word.length() > LanguageAnalyzers.LONGEST_PREFIX ? word.substring(0, LanguageAnalyzers.LONGEST_PREFIX)
                : word;
    }

    /**
     * Tags first, then names, then headlines, from candidates freshest first; {@code tagNames} hold "slug TAB name".
     */
    public List<Suggestion> collect(Language language, List<String> typed, List<Candidate> candidates, int limit) {
        var headlines = new ArrayList<Suggestion>();
        var tags = new LinkedHashMap<String, Suggestion>();
        var names = new LinkedHashMap<String, Suggestion>();
        for (var candidate : candidates) {
            if (headlines.size() < limit && completes(candidate.headline(), typed)) {
                headlines.add(new Suggestion(Suggestion.Kind.HEADLINE, candidate.headline(), new Suggestion.StoryLink(
                        candidate.storyId(), candidate.sectionSlug(), candidate.slug()), null));
            }
            for (var tag : candidate.tagNames()) {
                int tab = tag.indexOf('\t');
                var name = tag.substring(tab + 1);
                if (completes(name, typed)) {
                    tags.putIfAbsent(tag.substring(0, tab), new Suggestion(Suggestion.Kind.TAG, name, null,
                            tag.substring(0, tab)));
                }
            }
            for (var name : candidate.people()) {
                if (completes(name, typed)) {
                    names.putIfAbsent(name.toLowerCase(language.locale()),
                            new Suggestion(Suggestion.Kind.NAME, name, null, null));
                }
            }
        }
        int few = Math.max(1, limit / 2);
        return Stream.of(tags.values().stream().limit(few), names.values().stream().limit(few), headlines.stream())
                .flatMap(s -> s).limit(limit + 2L * few).toList();
    }

    private boolean completes(String text, List<String> typed) {
        var words = words(text);
        for (int i = 0; i < typed.size() - 1; i++) {
            if (!words.contains(typed.get(i))) {
                return false;
            }
        }
        return words.stream().anyMatch(word -> word.startsWith(typed.getLast()));
    }

    /** The words of a text as the suggestion fields index them, so typed and indexed words compare alike. */
    private List<String> words(String text) {
        var found = new ArrayList<String>();
        try (var stream = words.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                found.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot split " + text + " into words", e);
        }
        return found;
    }
}
