package org.masthead.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What an agency's CAT tool does to an exported file, by hand: writes the translation of one segment. */
final class XliffAnswers {

    private XliffAnswers() {
    }

    /** The file with {@code target} as the translation of segment {@code s<index>} of unit {@code unit}. */
    static String answer(String xliff, String unit, int index, String target) {
        var matcher = Pattern.compile("(?s)(<unit id=\"" + Pattern.quote(unit) + "\".*?<segment id=\"s" + index
                + "\"[^>]*>\\s*<source[^>]*>.*?</source>)(\\s*<target[^>]*>.*?</target>)?").matcher(xliff);
        assertThat(matcher.find()).as("segment s" + index + " of unit " + unit).isTrue();
        return xliff.substring(0, matcher.start()) + matcher.group(1) + "<target>" + target + "</target>"
                + xliff.substring(matcher.end());
    }
}
