package org.masthead.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masthead.platform.Language;

class PluralsTest {

    /** The CLDR examples for Ukrainian and Russian integers. */
    @ParameterizedTest
    @CsvSource({"1,ONE", "21,ONE", "101,ONE", "1001,ONE", "2,FEW", "3,FEW", "4,FEW", "22,FEW", "104,FEW",
            "0,MANY", "5,MANY", "11,MANY", "12,MANY", "14,MANY", "19,MANY", "100,MANY", "111,MANY", "112,MANY"})
    void slavicLanguagesFollowCldr(long count, Plurals.Category expected) {
        assertThat(Plurals.category(Language.UK, count)).isEqualTo(expected);
        assertThat(Plurals.category(Language.RU, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1,ONE", "0,OTHER", "2,OTHER", "11,OTHER", "21,OTHER"})
    void englishHasOneAndOther(long count, Plurals.Category expected) {
        assertThat(Plurals.category(Language.EN, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ONE,one", "FEW,few", "MANY,many", "OTHER,other"})
    void categoriesNameTheirMessageKeys(Plurals.Category category, String key) {
        assertThat(category.key()).isEqualTo(key);
    }
}
