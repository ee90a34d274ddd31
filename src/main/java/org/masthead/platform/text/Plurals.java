package org.masthead.platform.text;

import org.masthead.platform.Language;

/**
 * CLDR plural categories for whole numbers in our languages, so that messages can say
 * "1 хвилина, 2 хвилини, 5 хвилин" and "1 minute, 2 minutes". Rules from the CLDR plural rules
 * (Ukrainian and Russian share theirs for integers).
 */
public final class Plurals {

    public enum Category {
        ONE, FEW, MANY, OTHER;

        /** The suffix of a message key: {@code time.minutes.few}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Plurals() {
    }

    public static Category category(Language language, long count) {
        long n = Math.abs(count);
        return switch (language) {
            case EN -> n == 1 ? Category.ONE : Category.OTHER;
            case UK, RU -> slavic(n);
        };
    }

    /** one: n % 10 = 1 and n % 100 ≠ 11; few: n % 10 = 2..4 and n % 100 ≠ 12..14; many: everything else. */
    private static Category slavic(long n) {
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11) {
            return Category.ONE;
        }
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return Category.FEW;
        }
        return Category.MANY;
    }
}
