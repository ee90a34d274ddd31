package org.masthead.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;

/** Suggested spellings of names in the other scripts: checked by a person, so close enough is the aim. */
class SpellingsTest {

    @Test
    void fillsTheBlankLanguagesFromTheFirstWrittenOneAndKeepsTheRest() {
        assertThat(Spellings.suggest(new Localized("Олена Марченко", "", "")))
                .isEqualTo(new Localized("Олена Марченко", "Olena Marchenko", "Олена Марченко"));
        assertThat(Spellings.suggest(new Localized("", "Andrii Lysenko", "")))
                .isEqualTo(new Localized("Андрій Лисенко", "Andrii Lysenko", "Андрий Лысенко"));
        assertThat(Spellings.suggest(new Localized("", "", "Елена Щербак")))
                .isEqualTo(new Localized("Елена Щербак", "Elena Shcherbak", "Елена Щербак"));
        assertThat(Spellings.suggest(new Localized("Ірина Савчук", "Iryna S.", "")))
                .as("a name written by hand is kept").isEqualTo(new Localized("Ірина Савчук", "Iryna S.", "Ирина Савчук"));
        assertThat(Spellings.suggest(Localized.EMPTY)).isEqualTo(Localized.EMPTY);
    }

    @Test
    void latinToCyrillicReadsTheStandardsLetterGroupsBackwards() {
        assertThat(Spellings.convert("Sofiia Kravets", Language.EN, Language.UK)).isEqualTo("Софія Кравец");
        assertThat(Spellings.convert("Yurii Zhuk", Language.EN, Language.UK)).isEqualTo("Юрій Жук");
        assertThat(Spellings.convert("Khrystyna Shevchuk", Language.EN, Language.RU)).isEqualTo("Хрыстына Шевчук");
    }

    @Test
    void ukrainianAndRussianLettersAreTradedOneForAnother() {
        assertThat(Spellings.convert("Ігор Лисиця", Language.UK, Language.RU)).isEqualTo("Игор Лисиця");
        assertThat(Spellings.convert("Игорь Лысенко", Language.RU, Language.UK)).isEqualTo("Ігорь Лисенко");
    }

    @Test
    void tellsTheLanguageOfATypedNameByItsLetters() {
        assertThat(Spellings.languageOf("Їжак", Language.RU)).isEqualTo(Language.UK);
        assertThat(Spellings.languageOf("Съезд", Language.UK)).isEqualTo(Language.RU);
        assertThat(Spellings.languageOf("Вибори", Language.RU)).isEqualTo(Language.RU);
        assertThat(Spellings.languageOf("Вибори", Language.EN)).isEqualTo(Language.UK);
        assertThat(Spellings.languageOf("Elections", Language.UK)).isEqualTo(Language.EN);
    }
}
