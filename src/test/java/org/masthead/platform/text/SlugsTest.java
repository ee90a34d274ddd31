package org.masthead.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;

class SlugsTest {

    @Test
    void transliteratesUkrainianHeadlineByTheNationalStandard() {
        assertThat(Slugs.of("Переговори у Стамбулі", Language.UK)).isEqualTo("perehovory-u-stambuli");
        assertThat(Slugs.of("Збройні сили: Згорани, Їжакевич і Юрій", Language.UK))
                .isEqualTo("zbroini-syly-zghorany-yizhakevych-i-yurii");
        assertThat(Slugs.of("Подвір’я з’їзду, Ґалаґан", Language.UK)).isEqualTo("podviria-zizdu-galagan");
    }

    @Test
    void usesWordInitialFormsOnlyAtTheStartOfAWord() {
        assertThat(Transliteration.toLatin("Єнакієве", Language.UK)).isEqualTo("yenakiieve");
        assertThat(Transliteration.toLatin("Яготин, Знам’янка", Language.UK)).isEqualTo("yahotyn, znamianka");
    }

    @Test
    void transliteratesRussianHeadlineByIcao9303() {
        assertThat(Slugs.of("Переговоры в Стамбуле: объявлен обмен", Language.RU))
                .isEqualTo("peregovory-v-stambule-obieiavlen-obmen");
        assertThat(Slugs.of("Щедрый подъём, съезд", Language.RU)).isEqualTo("shchedryi-podieem-sieezd");
    }

    @Test
    void keepsEnglishReadableAndDropsPunctuationAndApostrophes() {
        assertThat(Slugs.of("Ukraine’s grain: exports up 12% — café report", Language.EN))
                .isEqualTo("ukraines-grain-exports-up-12-cafe-report");
    }

    @Test
    void shortensLongHeadlinesAtAWordBoundary() {
        var slug = Slugs.of("word ".repeat(40), Language.EN);
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-").endsWith("word");
    }

    @Test
    void fallsBackWhenNothingLatinRemains() {
        assertThat(Slugs.of("!!! ???", Language.EN)).isEqualTo("story");
        assertThat(Slugs.of("", Language.UK)).isEqualTo("story");
    }

    @Test
    void recognisesValidSlugs() {
        assertThat(Slugs.isValid("politics")).isTrue();
        assertThat(Slugs.isValid("air-defence")).isTrue();
        assertThat(Slugs.isValid("Air")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
    }
}
