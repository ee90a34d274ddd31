package org.masthead.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.text.WordDiff.Kind.ADDED;
import static org.masthead.platform.text.WordDiff.Kind.REMOVED;
import static org.masthead.platform.text.WordDiff.Kind.SAME;

import org.junit.jupiter.api.Test;
import org.masthead.platform.text.WordDiff.Part;

class WordDiffTest {

    @Test
    void showsAReplacedWordBetweenUnchangedPhrases() {
        assertThat(WordDiff.between("Talks resume on Monday in Istanbul.", "Talks resume on Tuesday in Istanbul."))
                .containsExactly(new Part(SAME, "Talks resume on "), new Part(REMOVED, "Monday"),
                        new Part(ADDED, "Tuesday"), new Part(SAME, " in Istanbul."));
    }

    @Test
    void readsNeighbouringChangedWordsAsOnePhrase() {
        assertThat(WordDiff.between("Зустріч відбудеться в серпні.", "Зустріч відбудеться у вересні."))
                .containsExactly(new Part(SAME, "Зустріч відбудеться "), new Part(REMOVED, "в серпні"),
                        new Part(ADDED, "у вересні"), new Part(SAME, "."));
    }

    @Test
    void keepsChangesInSeparateParagraphsApart() {
        assertThat(WordDiff.between("one\n\nAlpha", "two\n\nBeta")).containsExactly(new Part(REMOVED, "one"),
                new Part(ADDED, "two"), new Part(SAME, "\n\n"), new Part(REMOVED, "Alpha"), new Part(ADDED, "Beta"));
    }

    @Test
    void handlesCyrillicAndApostrophesAsWords() {
        assertThat(WordDiff.between("Об’єднання громад", "Об’єднання трьох громад"))
                .containsExactly(new Part(SAME, "Об’єднання "), new Part(ADDED, "трьох "), new Part(SAME, "громад"));
    }

    @Test
    void reportsWhetherAnythingButSpacingChanged() {
        assertThat(WordDiff.changed(WordDiff.between("a  b", "a b"))).isFalse();
        assertThat(WordDiff.changed(WordDiff.between("a b", "a c"))).isTrue();
        assertThat(WordDiff.between("", "new text")).containsExactly(new Part(ADDED, "new text"));
    }

    @Test
    void fallsBackToWholeTextsWhenTooLongToCompareWordByWord() {
        var before = "word ".repeat(WordDiff.MAX_TOKENS);
        var parts = WordDiff.between(before, before + "more");
        assertThat(parts).extracting(Part::kind).containsExactly(REMOVED, ADDED);
    }
}
