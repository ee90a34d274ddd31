package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;
import org.masthead.search.analysis.LanguageAnalyzers;
import org.masthead.search.analysis.NameKeys;

class LanguageAnalysisTest {

    private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

    @Test
    void ukrainianInflectionsShareTheirLemma() {
        var query = terms(ANALYZERS.text(Language.UK), "переговорів");
        assertThat(terms(ANALYZERS.text(Language.UK), "переговори")).containsAnyElementsOf(query);
        assertThat(terms(ANALYZERS.text(Language.UK), "переговорах")).containsAnyElementsOf(query);
    }

    @Test
    void ukrainianLemmasAreThoseOfLucenesUkrainianAnalyzerEachOnce() {
        var text = "Делегації з’їхалися до Стамбула на ґрунтовні переговори; Зеленський заявив, що уряд "
                + "підтримає енергетиків, а ціни на зерно знизяться після зустрічей у Києві.";
        try (var lucene = new UkrainianMorfologikAnalyzer()) {
            var expected = positions(lucene, text).stream()
                    .map(lemmas -> lemmas.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList())
                    .toList();
            var ours = positions(ANALYZERS.text(Language.UK), text);
            assertThat(ours).isEqualTo(expected);
            assertThat(ours).allSatisfy(lemmas -> assertThat(lemmas).doesNotHaveDuplicates());
        }
    }

    @Test
    void russianWordsBecomeDictionaryLemmas() {
        assertThat(terms(ANALYZERS.text(Language.RU), "переговоров")).contains("переговоры");
        assertThat(terms(ANALYZERS.text(Language.RU), "переговорах")).contains("переговоры");
        assertThat(terms(ANALYZERS.text(Language.RU), "Стамбуле")).contains("стамбул");
        assertThat(terms(ANALYZERS.text(Language.RU), "заявил")).contains("заявить");
        assertThat(terms(ANALYZERS.text(Language.RU), "пошёл")).isEqualTo(terms(ANALYZERS.text(Language.RU), "пошел"));
    }

    @Test
    void englishIsStemmed() {
        assertThat(terms(ANALYZERS.text(Language.EN), "negotiations")).isEqualTo(terms(ANALYZERS.text(Language.EN),
                "negotiation"));
    }

    @Test
    void oneNameInEveryScriptHasOneKey() {
        var key = NameKeys.of("зеленський", Language.UK);
        assertThat(key).isEqualTo("zelenski");
        assertThat(NameKeys.of("зеленский", Language.RU)).isEqualTo(key);
        assertThat(NameKeys.of("zelensky", Language.EN)).isEqualTo(key);
        assertThat(NameKeys.of("zelenskyy", Language.EN)).isEqualTo(key);
        assertThat(NameKeys.of("зеленский", Language.UK)).as("Russian spelling in Ukrainian text").isEqualTo(key);
    }

    @Test
    void inflectedNamesInTextGiveTheKeyOfTheirLemma() {
        assertThat(terms(ANALYZERS.indexedNames(Language.UK), "Зустріч із Зеленським відбулася")).contains("zelenski");
        assertThat(terms(ANALYZERS.indexedNames(Language.EN), "President Zelenskyy's visit")).contains("zelenski");
        assertThat(terms(ANALYZERS.queriedNames(Language.UK), "зеленский")).containsExactly("zelenski");
    }

    @Test
    void nameKeysStartAtAPositionWhateverTheFirstWordIs() throws IOException {
        for (var language : Language.values()) {
            try (var stream = ANALYZERS.indexedNames(language).tokenStream("field", "Зеленский посетил Стамбул")) {
                var increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                assertThat(stream.incrementToken()).isTrue();
                assertThat(increment.getPositionIncrement()).as(language.code()).isPositive();
                stream.end();
            }
        }
    }

    @Test
    void indexedNamesAreOnlyCapitalizedWords() {
        assertThat(terms(ANALYZERS.indexedNames(Language.EN), "talks resume in Istanbul"))
                .containsExactly("istanbul");
    }

    /** The terms at each position, in the order the analyzer gives them. */
    private static List<List<String>> positions(Analyzer analyzer, String text) {
        var positions = new ArrayList<List<String>>();
        try (var stream = analyzer.tokenStream("field", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0) {
                    positions.add(new ArrayList<>());
                }
                positions.getLast().add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        var terms = new ArrayList<String>();
        try (var stream = analyzer.tokenStream("field", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
