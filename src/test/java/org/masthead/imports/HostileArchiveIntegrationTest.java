package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.content.Block;
import org.masthead.content.Stories;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.platform.Language;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports made to hurt: whatever they hold, an import reads nothing from outside the file, writes nothing of a file
 * it refuses, and brings in what can be saved of a post it cannot wholly read, saying so in the report.
 */
@MastheadTest
class HostileArchiveIntegrationTest {

    @Autowired ArchiveImports imports;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    private static String wxr(String site, String doctype, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Hostile</title><link>%s</link><language>en</language><wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>%s</wp:base_site_url>
                %s
                </channel></rss>""".formatted(doctype, site, site, items);
    }

    private static String post(long id, String title, String content) {
        return """
                <item><title>%s</title><link>https://x.example/%d</link><dc:creator>desk</dc:creator><wp:post_id>%d</wp:post_id>
                <wp:post_date_gmt>2024-02-01 10:00:00</wp:post_date_gmt><wp:post_name>post-%d</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                <content:encoded><![CDATA[%s]]></content:encoded></item>""".formatted(title, id, id, id, content);
    }

    private ImportReport run(ArchiveImports.Source source, Path file) {
        return imports.run(source, file, new ImportOptions(null, false, Language.EN, "", false), "test",
                ArchiveImports.Progress.NONE);
    }

    private int items(String site) {
        return jdbc.sql("select count(*) from import_item where site = :site").param("site", site).query(Integer.class).single();
    }

    private long story(String site, String key) {
        return jdbc.sql("select target_id from import_item where site = :site and source_key = :key")
                .param("site", site).param("key", key).query(Long.class).single();
    }

    @Test
    void aPostNestedTooDeeplyToConvertKeepsItsTextAndTheImportGoesOn() throws IOException {
        var site = "https://deep.example";
        var deep = "<p>Before the flood.</p>" + "<div><blockquote><ul><li><em>".repeat(20_000) + "The water rose at night."
                + "</em></li></ul></blockquote></div>".repeat(20_000) + "<p>After the flood.</p>";
        var file = folder.resolve("deep.xml");
        Files.writeString(file, wxr(site, "", post(1, "Deep water", deep) + post(2, "The next day", "<p>Calm again.</p>")),
                StandardCharsets.UTF_8);

        var report = run(ArchiveImports.Source.WORDPRESS, file);

        var line = report.lines().stream().filter(l -> l.sourceId().equals("post 1")).findFirst().orElseThrow();
        assertThat(line.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(line.reason()).contains("nested too deeply");
        var body = stories.published(story(site, "group:post:1"), Language.EN).orElseThrow().body();
        assertThat(body).extracting(b -> ((Block.Paragraph) b).text().text())
                .containsExactly("Before the flood.", "The water rose at night.", "After the flood.");
        var next = report.lines().stream().filter(l -> l.sourceId().equals("post 2")).findFirst().orElseThrow();
        assertThat(next.outcome()).isEqualTo(Outcome.IMPORTED);
    }

    @Test
    void aPostThatFailsIsUndoneAloneAndThePostsBesideItInItsBatchStay() throws IOException {
        var site = "https://batch.example";
        var file = folder.resolve("batch.xml");
        var tooLong = "Headline ".repeat(org.masthead.content.ContentRules.MAX_HEADLINE / 9 + 10).strip();
        Files.writeString(file, wxr(site, "", post(1, "Before it", "<p>One.</p>") + post(2, tooLong, "<p>Two.</p>")
                + post(3, "After it", "<p>Three.</p>")), StandardCharsets.UTF_8);
        long storiesBefore = jdbc.sql("select count(*) from story").query(Long.class).single();

        var report = run(ArchiveImports.Source.WORDPRESS, file);

        var failed = report.lines().stream().filter(l -> l.sourceId().equals("post 2")).findFirst().orElseThrow();
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.reason()).contains("headline");
        for (var good : List.of("post 1", "post 3")) {
            assertThat(report.lines()).filteredOn(l -> l.sourceId().equals(good)).extracting(ImportReport.Line::outcome)
                    .containsExactly(Outcome.IMPORTED);
        }
        assertThat(stories.published(story(site, "group:post:1"), Language.EN)).isPresent();
        assertThat(stories.published(story(site, "group:post:3"), Language.EN)).isPresent();
        // the failed post left nothing: no record, and no story opened for it
        assertThat(jdbc.sql("select count(*) from import_item where site = :site and source_key in ('post:2', 'group:post:2')")
                .param("site", site).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from story").query(Long.class).single()).isEqualTo(storiesBefore + 2);
    }

    @Test
    void aGhostPostWhoseLexicalCannotBeReadIsImportedFromItsHtmlAndReported() throws IOException {
        var lexical = "{\"root\":{\"children\":[{\"type\":\"paragraph\",\"children\":[{\"type\":\"text\",\"text\":\"cut";
        var deepLexical = "{\"root\":{\"children\":" + "[".repeat(5000) + "]".repeat(5000) + "}}";
        var export = """
                {"db":[{"meta":{"exported_on":1733000000000,"version":"5.96.0"},"data":{
                 "posts":[
                  {"id":"hostile-ghost-1","uuid":"6a0c3c0e-0000-4000-8000-000000000001","title":"Broken lexical","slug":"broken-lexical",
                   "lexical":%s,"mobiledoc":null,"html":"<p>The HTML is what is left.</p>","type":"post","status":"published",
                   "visibility":"public","created_at":"2024-05-03T17:00:00.000Z","updated_at":"2024-05-03T17:00:00.000Z",
                   "published_at":"2024-05-03T18:30:00.000Z"},
                  {"id":"hostile-ghost-2","uuid":"6a0c3c0e-0000-4000-8000-000000000002","title":"Too deep","slug":"too-deep-lexical",
                   "lexical":%s,"mobiledoc":null,"html":"<p>Shallow HTML.</p>","type":"post","status":"published",
                   "visibility":"public","created_at":"2024-05-03T17:00:00.000Z","updated_at":"2024-05-03T17:00:00.000Z",
                   "published_at":"2024-05-03T18:30:00.000Z"}],
                 "tags":[],"posts_tags":[],"users":[],"posts_authors":[],
                 "settings":[{"key":"title","value":"Hostile Ghost"},{"key":"url","value":"https://hostile-ghost.example"},
                  {"key":"locale","value":"en"}]}}]}""".formatted(quote(lexical), quote(deepLexical));
        var file = folder.resolve("ghost.json");
        Files.writeString(file, export, StandardCharsets.UTF_8);

        var report = run(ArchiveImports.Source.GHOST, file);

        assertThat(report.lines()).filteredOn(l -> l.sourceId().endsWith(" content"))
                .hasSize(2).allSatisfy(l -> assertThat(l.reason()).contains("cannot be read"));
        var first = stories.published(story("https://hostile-ghost.example", "group:post:hostile-ghost-1"), Language.EN)
                .orElseThrow();
        assertThat(((Block.Paragraph) first.body().getFirst()).text().text()).isEqualTo("The HTML is what is left.");
        assertThat(report.lines()).filteredOn(l -> l.type().equals("post") && !l.sourceId().endsWith(" content"))
                .extracting(ImportReport.Line::outcome).containsOnly(Outcome.IMPORTED);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void entitiesAndDocumentTypesAreRefusedWithoutReadingAnythingOutsideTheFile() throws IOException {
        var secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        try (var trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var outside = "http://127.0.0.1:" + trap.getLocalPort();
            var cases = new String[][] {
                {"https://xxe-file.example", "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>", "&leak;"},
                {"https://xxe-http.example", "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + outside + "/leak\">]>", "&leak;"},
                {"https://xxe-param.example", "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + outside + "/p.dtd\"> %remote;]>", "x"},
                {"https://dtd.example", "<!DOCTYPE rss SYSTEM \"" + outside + "/evil.dtd\">", "x"},
                {"https://bomb.example", "<!DOCTYPE rss [<!ENTITY a \"lol\">" + bomb() + "]>", "&a9;"},
            };
            for (var hostile : cases) {
                var file = folder.resolve(hostile[0].substring(8) + ".xml");
                Files.writeString(file, wxr(hostile[0], hostile[1], post(1, "Title " + hostile[2], "<p>" + hostile[2] + "</p>")),
                        StandardCharsets.UTF_8);
                int before = stories.count();
                assertThatThrownBy(() -> run(ArchiveImports.Source.WORDPRESS, file)).as(hostile[0])
                        .isInstanceOf(ArchiveImports.InvalidArchive.class).hasMessageContaining("document type")
                        .hasMessageNotContaining("TOP-SECRET");
                assertThat(stories.count()).as(hostile[0]).isEqualTo(before);
                assertThat(items(hostile[0])).as(hostile[0]).isZero();
            }
            // nobody knocked: the connection would wait in the backlog
            trap.setSoTimeout(50);
            assertThatThrownBy(trap::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static String bomb() {
        var entities = new StringBuilder();
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return entities.toString().replace("&a0;", "&a;");
    }

    @Test
    void malformedXmlIsRefusedWithItsLineAndColumnAndNothingWritten() throws IOException {
        var site = "https://malformed-hostile.example";
        var file = folder.resolve("malformed.xml");
        var text = wxr(site, "", post(1, "Fine", "<p>Fine.</p>") + post(2, "Broken", "<p>x</p>").replace("</wp:status>", "</wp:statu>"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        int before = stories.count();
        assertThatThrownBy(() -> run(ArchiveImports.Source.WORDPRESS, file)).isInstanceOf(ArchiveImports.InvalidArchive.class)
                .hasMessageMatching("Not well-formed XML at line 1[0-9], column \\d+: .*");
        assertThat(stories.count()).isEqualTo(before);
        assertThat(items(site)).isZero();
    }
}
