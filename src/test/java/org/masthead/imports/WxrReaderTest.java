package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class WxrReaderTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.0/">
            <channel><title>T</title><wp:wxr_version>1.0</wp:wxr_version><wp:base_site_url>http://old.example</wp:base_site_url>
            """;

    private final WxrReader reader = new WxrReader();

    private List<WxrReader.Item> read(String xml) {
        var items = new ArrayList<WxrReader.Item>();
        reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), true, c -> { }, items::add);
        return items;
    }

    @Test
    void readsTheVersion10NamespaceAndGmtDates() {
        var items = read(HEAD + """
                <item><title>One</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
                <wp:post_date_gmt>2012-03-04 05:06:07</wp:post_date_gmt><content:encoded><![CDATA[<p>Hi</p>]]></content:encoded></item>
                </channel></rss>""");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(5);
            assertThat(item.content()).isEqualTo("<p>Hi</p>");
            assertThat(item.date()).hasToString("2012-03-04T05:06:07Z");
        });
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem(@TempDir Path folder) throws IOException {
        var secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        var xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY leak SYSTEM "%s">]>
                <rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
                <item><title>&leak;</title></item></channel></rss>""".formatted(secret.toUri());
        var titles = new ArrayList<String>();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), true, c -> { },
                item -> titles.add(item.title())))
                .isInstanceOf(WxrReader.Unreadable.class).hasMessageContaining("document type");
        assertThat(titles).isEmpty();
    }

    @Test
    void refusesAnExternalDtd() {
        var xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
                <rss><channel></channel></rss>""";
        assertThatThrownBy(() -> read(xml)).isInstanceOf(WxrReader.Unreadable.class).hasMessageContaining("document type");
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        var entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss><channel><item><title>&a9;</title></item></channel></rss>";
        assertThatThrownBy(() -> read(xml)).isInstanceOf(WxrReader.Unreadable.class);
    }

    @Test
    void anEntityReferenceWithoutADeclarationIsRefusedToo() {
        assertThatThrownBy(() -> read(HEAD + "<item><title>&nbsp;</title></item></channel></rss>"))
                .isInstanceOf(WxrReader.Unreadable.class);
    }

    @Test
    void malformedXmlNamesItsLineAndColumn() {
        assertThatThrownBy(() -> read(HEAD + "<item>\n<title>One</titel>\n</item></channel></rss>"))
                .isInstanceOf(WxrReader.Unreadable.class)
                .hasMessageStartingWith("Not well-formed XML at line 5, column ");
    }

    @Test
    void aFileThatIsNotAnExportIsRefused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><html><body/></html>"))
                .isInstanceOf(WxrReader.Unreadable.class).hasMessageContaining("not <rss>");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><rss><channel><item><title>x</title></item></channel></rss>"))
                .isInstanceOf(WxrReader.Unreadable.class).hasMessageContaining("wxr_version");
    }

    @Test
    void aHugeContentIsReadInBoundedMemoryAndMarkedAsTooLarge() {
        // 24 MB of content streamed through the reader: the item is marked, the text kept is bounded
        var head = (HEAD + "<item><title>Big</title><wp:post_id>9</wp:post_id><content:encoded>").getBytes(StandardCharsets.UTF_8);
        var chunk = "<p>word word word</p>".repeat(50_000).replace("<", "&lt;").getBytes(StandardCharsets.UTF_8);
        var parts = new ArrayList<InputStream>();
        parts.add(new ByteArrayInputStream(head));
        for (int i = 0; i < 20; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        parts.add(new ByteArrayInputStream("</content:encoded></item></channel></rss>".getBytes(StandardCharsets.UTF_8)));
        var items = new ArrayList<WxrReader.Item>();
        reader.read(new SequenceInputStream(Collections.enumeration(parts)), true, c -> { }, items::add);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.tooLarge()).isTrue();
            assertThat(item.content().length()).isLessThanOrEqualTo(WxrReader.MAX_TEXT);
        });
    }

    /**
     * An export ten times the size of the heap of the JVM reading it (512 MB made on the fly, through a JVM of 48 MB)
     * is read twice, as an import reads it: each post's content is held alone, and the 64 MB one only up to
     * {@link WxrReader#MAX_TEXT}; with the StAX parser of Masthead's class path (Woodstox) and with the JDK's own.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anExportTenTimesTheHeapIsReadTwiceInBoundedMemory(boolean woodstox) throws Exception {
        var types = new ArrayList<Class<?>>(List.of(LargeExportProbe.class, WxrReader.class));
        if (woodstox) {
            types.add(com.ctc.wstx.stax.WstxInputFactory.class);
            types.add(org.codehaus.stax2.XMLStreamReader2.class);
        }
        var classes = new ArrayList<String>();
        for (var type : types) {
            classes.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        int posts = 448;
        var launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(launcher, "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                String.join(java.io.File.pathSeparator, classes), LargeExportProbe.class.getName(), Integer.toString(posts))
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("first pass " + (posts + 1) + " items, second pass " + (posts + 1) + " items, 1 too large");
        long megabytes = ((long) posts * LargeExportProbe.POST_BYTES + LargeExportProbe.HUGE_BYTES) >> 20;
        assertThat(megabytes).isGreaterThanOrEqualTo(10 * 48);
    }
}
