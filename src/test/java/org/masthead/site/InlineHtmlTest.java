package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class InlineHtmlTest {

    @Test
    void textIsEscapedAsHtmlUtilsEscapesItWhateverItHolds() {
        var alphabet = "<>&\"' aZ09іїєґ Київ—«»\u00a0\u2028😀/=;#\t";
        var random = new Random(16);
        for (int n = 0; n < 2_000; n++) {
            var text = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            var escaped = new StringBuilder();
            InlineHtml.escape(text.toString(), false, escaped);
            assertThat(escaped.toString()).as(text.toString()).isEqualTo(HtmlUtils.htmlEscape(text.toString(), "UTF-8"));
        }
    }

    @Test
    void lineBreaksBecomeBrInTextOnly() {
        var text = new StringBuilder();
        InlineHtml.escape("a <b>\n'c'\n", true, text);
        assertThat(text).hasToString("a &lt;b&gt;<br>&#39;c&#39;<br>");
        var address = new StringBuilder();
        InlineHtml.escape("https://example.org/?a=1&b=\n", false, address);
        assertThat(address).hasToString("https://example.org/?a=1&amp;b=\n");
    }
}
