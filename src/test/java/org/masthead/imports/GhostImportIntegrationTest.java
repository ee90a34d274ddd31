package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.content.Block;
import org.masthead.content.Mark;
import org.masthead.content.Pages;
import org.masthead.content.RichText;
import org.masthead.content.Stories;
import org.masthead.content.StoryStatus;
import org.masthead.content.Taxonomy;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.platform.Language;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class GhostImportIntegrationTest {

    @Autowired ArchiveImports imports;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Pages pages;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @TempDir Path folder;

    private long target(String key) {
        return jdbc.sql("select target_id from import_item where source = 'ghost' and source_key = :key")
                .param("key", key).query(Long.class).single();
    }

    @Test
    void lexicalAndMobiledocPostsBecomeStoriesFiledUnderTheirPrimaryTag() throws IOException {
        var images = Files.createDirectories(folder.resolve("images/2024/05"));
        Files.write(images.resolve("market.jpg"), Images.jpeg(60, 40));
        Files.createDirectories(folder.resolve("images/2024/04"));
        Files.write(folder.resolve("images/2024/04/tram.png"), Images.png(30, 20));
        var file = folder.resolve("ghost.json");
        Files.write(file, getClass().getResourceAsStream("/imports/ghost-export.json").readAllBytes());

        var report = imports.run(ArchiveImports.Source.GHOST, file, new ImportOptions(folder.resolve("images"), false,
                Language.UK, "", false), "test", ArchiveImports.Progress.NONE);

        assertThat(report.lines()).anySatisfy(l -> {
            assertThat(l.sourceId()).isEqualTo("members");
            assertThat(l.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(l.reason()).contains("out of scope");
        });
        assertThat(report.lines()).anySatisfy(l -> assertThat(l.sourceId()).isEqualTo("newsletters"));
        assertThat(report.lines()).anySatisfy(l -> {
            assertThat(l.sourceId()).isEqualTo("tag hash-featured");
            assertThat(l.reason()).contains("internal tag #featured");
        });
        assertThat(report.lines()).filteredOn(l -> l.outcome() == Outcome.FAILED).isEmpty();

        long market = target("group:post:66a1f0c0e4b0a1b2c3d4e5f1");
        long tram = target("group:post:66a1f0c0e4b0a1b2c3d4e5f2");
        var details = stories.details(market).orElseThrow();
        assertThat(taxonomy.sectionDetails(details.sectionId()).orElseThrow().slug()).isEqualTo("city");
        assertThat(taxonomy.tags(details.tagIds())).extracting(t -> t.slug()).containsExactly("food");
        assertThat(details.authorIds()).hasSize(2);
        assertThat(details.firstPublishedAt()).isEqualTo(Instant.parse("2024-05-03T18:30:00Z"));

        var uk = stories.published(market, Language.UK).orElseThrow();
        assertThat(uk.slug()).isEqualTo("podil-night-market");
        assertThat(uk.leadImage().alt()).isEqualTo("Stalls under string lights");
        assertThat(uk.body()).extracting(b -> b.getClass().getSimpleName())
                .containsExactly("Paragraph", "Subheading", "BulletList", "Image", "Paragraph", "Embed", "Paragraph");
        var first = ((Block.Paragraph) uk.body().getFirst()).text();
        assertThat(first.text()).startsWith("The night market on Podil reopened with forty stalls and a new curfew rule.\nSee the tram story");
        assertThat(first.marks()).extracting(Mark::kind).containsExactly("bold", "italic", "storyLink", "link");
        assertThat(first.linkedStories()).containsExactly(tram);
        var image = (Block.Image) uk.body().get(3);
        assertThat(image.caption().text()).isEqualTo("Opening night, May 3");
        assertThat(image.mediaId()).isEqualTo(uk.leadImage().mediaId());
        assertThat(((Block.Paragraph) uk.body().get(4)).text().text()).isEqualTo("We close at eleven, not a minute later.");
        assertThat(((Block.Paragraph) uk.body().get(6)).text().marks()).extracting(Mark::kind)
                .containsExactly("subscript", "superscript");
        assertThat(report.lines()).anySatisfy(l -> assertThat(l.reason()).contains("wp:ghost-signup"));

        var mobiledoc = stories.published(tram, Language.UK).orElseThrow().body();
        assertThat(mobiledoc).extracting(b -> b.getClass().getSimpleName())
                .containsExactly("Paragraph", "Image", "Subheading", "BulletList", "Paragraph");
        var tramText = ((Block.Paragraph) mobiledoc.getFirst()).text();
        assertThat(tramText.linkedStories()).containsExactly(market);
        assertThat(((Block.BulletList) mobiledoc.get(3)).ordered()).isTrue();
        assertThat(((Block.BulletList) mobiledoc.get(3)).items()).extracting(RichText::text).containsExactly("Kontraktova", "Poshtova");
        assertThat(((Block.Paragraph) mobiledoc.get(4)).text().text()).isEqualTo("**Timetable** in markdown");

        // a post whose Lexical cannot be read comes in from its HTML, as the draft it was
        long bridge = target("group:post:66a1f0c0e4b0a1b2c3d4e5f3");
        assertThat(stories.details(bridge).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(stories.working(bridge, Language.UK).orElseThrow().body()).singleElement()
                .satisfies(b -> assertThat(((Block.Paragraph) b).text().marks()).extracting(Mark::kind).containsExactly("bold"));
        assertThat(report.lines()).anySatisfy(l -> assertThat(l.reason()).contains("its HTML is used"));

        var page = pages.find(target("pagegroup:post:66a1f0c0e4b0a1b2c3d4e5f4")).orElseThrow();
        assertThat(page.versions().get(Language.UK).slug()).isEqualTo("contact-the-desk");

        var site = new SiteClient(port);
        assertThat(site.get("/podil-night-market/").headers().firstValue("Location").orElseThrow())
                .endsWith("/uk/city/podil-night-market-" + market);
        assertThat(site.get("/tag/food/").headers().firstValue("Location").orElseThrow()).endsWith("/uk/tag/food");
        assertThat(site.get("/author/sofiia/rss/").headers().firstValue("Location").orElseThrow()).contains("/uk/author/")
                .endsWith("/feed/rss.xml");

        var again = imports.run(ArchiveImports.Source.GHOST, file, new ImportOptions(folder.resolve("images"), false,
                Language.UK, "", false), "test", ArchiveImports.Progress.NONE);
        assertThat(again.counts().get(Outcome.IMPORTED)).isZero();
        assertThat(again.counts().get(Outcome.UNCHANGED)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFileThatIsNotAGhostExportIsRefused() throws IOException {
        var file = folder.resolve("other.json");
        Files.writeString(file, "{\"db\": [{\"data\": {\"posts\": [}]}");
        assertThatThrownBy(() -> imports.run(ArchiveImports.Source.GHOST, file, ImportOptions.defaults(), "test",
                ArchiveImports.Progress.NONE)).isInstanceOf(ArchiveImports.InvalidArchive.class)
                .hasMessageStartingWith("Not well-formed JSON at line 1, column ");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> imports.run(ArchiveImports.Source.GHOST, file, ImportOptions.defaults(), "test",
                ArchiveImports.Progress.NONE)).isInstanceOf(ArchiveImports.InvalidArchive.class).hasMessageContaining("Not a Ghost export");
    }
}
