package org.masthead.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void keepsEveryCharacterXmlCarries() {
        var text = "Київ\t«Переговори»\nnews & <more>\r 😀 \uE000 \uFFFD";
        assertThat(XmlText.clean(text)).isSameAs(text);
    }

    @Test
    void dropsControlCharactersNoncharactersAndLoneSurrogates() {
        assertThat(XmlText.clean("a\u0001b\u0000c\u0008d\u001Fe\u007Ff\u0085g\u009Fh\uFFFEi\uFFFFj"))
                .isEqualTo("abcdefghij");
        assertThat(XmlText.clean("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00 kept, end \uD83D"))
                .isEqualTo("lone  high, lone  low, pair \uD83D\uDE00 kept, end ");
    }

    @Test
    void everyCharacterLeftIsOneAnXmlParserAccepts() throws Exception {
        var all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        all.append("\uD83D\uDE00");
        var cleaned = XmlText.clean(all.toString())
                .replace("&", "&amp;").replace("<", "&lt;");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<t>" + cleaned + "</t>")));
        assertThat(document.getDocumentElement().getTextContent()).contains("\uD83D\uDE00", "Ж", "&", "<");
    }
}
