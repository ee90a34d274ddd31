package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class WordPressImportIntegrationTest {

    @Autowired ArchiveImports imports;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Pages pages;
    @Autowired MediaLibrary media;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @TempDir Path folder;
    Path uploads;

    @BeforeEach
    void uploadsFolder() throws IOException {
        uploads = Files.createDirectories(folder.resolve("uploads"));
        Files.createDirectories(uploads.resolve("2025/10"));
        Files.write(uploads.resolve("2025/10/kaniv-lock-night.jpg"), Images.jpeg(64, 48));
        Files.write(uploads.resolve("2025/10/silo.png"), Images.png(40, 30));
        Files.createDirectories(uploads.resolve("2019/06"));
        Files.write(uploads.resolve("2019/06/hoverla-trail.jpg"), Images.jpeg(80, 60));
    }

    /** The fixture with its site's host replaced, so each test imports a site of its own into the shared newsroom. */
    private Path fixture(String name, String host, String replacement) throws IOException {
        var text = new String(getClass().getResourceAsStream("/imports/" + name).readAllBytes(), StandardCharsets.UTF_8);
        var file = folder.resolve(name);
        Files.writeString(file, text.replace(host, replacement), StandardCharsets.UTF_8);
        return file;
    }

    private ImportReport run(Path file, boolean dryRun) {
        return imports.run(ArchiveImports.Source.WORDPRESS, file, new ImportOptions(uploads, false, null,
                "/%year%/%monthnum%/%day%/%postname%/", dryRun), "test", ArchiveImports.Progress.NONE);
    }

    private long target(String site, String key) {
        return jdbc.sql("select target_id from import_item where source = 'wordpress' and site = :site and source_key = :key")
                .param("site", site).param("key", key).query(Long.class).single();
    }

    private static ImportReport.Line line(ImportReport report, String sourceId) {
        return report.lines().stream().filter(l -> l.sourceId().equals(sourceId)).findFirst().orElseThrow();
    }

    @Test
    void wpmlGroupsBecomeOneStoryWithTypedBlocksMarksAndStoryLinks() throws IOException {
        var site = "https://wpml-a.example";
        var report = run(fixture("wordpress-wpml.xml", "https://ledger.example", site), false);

        assertThat(line(report, "post 101").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(line(report, "post 102").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(line(report, "post 103").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(line(report, "post 104").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(line(report, "post 104").reason()).contains("language de");
        assertThat(line(report, "post 101").reason()).contains("block wp:acme/poll kept as text")
                .contains("shortcode [contact-form-7] kept as text");
        assertThat(line(report, "post_type nav_menu_item").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.lines()).filteredOn(l -> l.outcome() == Outcome.FAILED).isEmpty();

        long story = target(site, "group:wpml:41");
        long port = target(site, "group:wpml:42");
        var details = stories.details(story).orElseThrow();
        assertThat(details.revisions()).containsOnlyKeys(Language.EN, Language.UK, Language.RU);
        assertThat(details.publishedRevisions()).containsOnlyKeys(Language.EN, Language.UK);   // ru was a draft
        assertThat(details.sourceLanguage()).isEqualTo(Language.EN);
        assertThat(details.firstPublishedAt()).isEqualTo(Instant.parse("2025-10-15T07:30:00Z"));

        // the primary category (Yoast's) is the section, named in each language by the translations' categories
        var section = taxonomy.sectionDetails(details.sectionId()).orElseThrow();
        assertThat(section.slug()).isEqualTo("river-trade");
        assertThat(section.name().en()).isEqualTo("River trade");
        assertThat(section.name().uk()).isEqualTo("Річкова торгівля");
        assertThat(section.name().ru()).isEqualTo("Речная торговля");
        // the other category is a tag beside the tags
        assertThat(taxonomy.tags(details.tagIds())).extracting(t -> t.slug()).containsExactlyInAnyOrder("barges", "locks", "city-life");
        assertThat(taxonomy.authorDetails(details.authorIds().getFirst()).orElseThrow().author().name().en())
                .isEqualTo("Mariia Hrytsenko");

        var en = stories.published(story, Language.EN).orElseThrow();
        assertThat(en.slug()).isEqualTo("barge-traffic-kaniv-lock");
        assertThat(en.standfirst()).isEqualTo("Low water and a grain rush put twice as many barges through the lock.");
        assertThat(en.leadImage()).isNotNull();
        assertThat(en.leadImage().alt()).isEqualTo("Three barges lit by floodlights in front of closed lock gates");
        assertThat(en.leadImage().credit()).isEqualTo("Ostap Vdovychenko/DL");
        assertThat(en.body()).extracting(b -> b.getClass().getSimpleName()).containsExactly(
                "Paragraph", "Subheading", "Paragraph", "BulletList", "Quote", "Image", "Embed", "Quote", "BulletList",
                "Paragraph", "Paragraph");

        var first = ((Block.Paragraph) en.body().get(0)).text();
        assertThat(first.text()).startsWith("The lock at Kaniv passed 212 barges in October");
        assertThat(first.marks()).contains(new Mark.Bold(first.text().indexOf("212"), first.text().indexOf("212") + 10));
        var reportLink = first.text().indexOf("report from the port");
        assertThat(first.marks()).contains(new Mark.StoryLink(reportLink, reportLink + "report from the port".length(), port));
        assertThat(first.marks()).anySatisfy(m -> assertThat(m).isEqualTo(new Mark.Link(first.text().indexOf("authority's"),
                first.text().indexOf("authority's") + "authority's own figures".length(), "https://river-authority.example/stats",
                List.of("nofollow"))));
        var levels = ((Block.Paragraph) en.body().get(2)).text();
        assertThat(levels.text()).isEqualTo("Water levels fell to 1.2\u00a0m\nbelow the summer mark; CO2 output per tonne rose by 3%.");
        assertThat(levels.marks()).extracting(Mark::kind).containsExactlyInAnyOrder("subscript", "superscript");
        assertThat(((Block.BulletList) en.body().get(3)).items()).extracting(RichText::text)
                .containsExactly("Grain: 140 barges", "Building sand: 52 barges");
        var quote = (Block.Quote) en.body().get(4);
        assertThat(quote.text().text()).isEqualTo("We run the gates around the clock now.");
        assertThat(quote.speaker()).isEqualTo("Halyna Movchan, lock master");
        var image = (Block.Image) en.body().get(5);
        assertThat(image.mediaId()).isEqualTo(en.leadImage().mediaId());
        assertThat(image.caption().text()).isEqualTo("Barges below the gates at night");
        assertThat(image.caption().marks()).containsExactly(new Mark.Bold(26, 31));
        assertThat(image.credit()).isEqualTo("Ostap Vdovychenko/DL");
        assertThat(((Block.Embed) en.body().get(6)).url()).isEqualTo("https://video.example/watch/lock-timelapse");
        assertThat(((Block.Quote) en.body().get(7)).speaker()).isEqualTo("River authority");
        assertThat(((Block.BulletList) en.body().get(8)).items()).extracting(RichText::text)
                .containsExactly("Month | Barges", "September | 106", "October | 212");
        assertThat(((Block.Paragraph) en.body().get(9)).text().text()).isEqualTo("Have you used the lock?");
        assertThat(((Block.Paragraph) en.body().get(10)).text().text()).isEqualTo("[contact-form-7 id=\"88\" title=\"Tips\"]");

        var uk = stories.published(story, Language.UK).orElseThrow();
        assertThat(uk.slug()).isEqualTo("rukh-barzh");
        var ukFirst = ((Block.Paragraph) uk.body().getFirst()).text();
        assertThat(ukFirst.linkedStories()).containsExactly(port);   // a relative link to the other post
        assertThat(((Block.Quote) uk.body().get(2)).speaker()).isEqualTo("Галина Мовчан, начальниця шлюзу");

        // the gallery's two images, the second from its size-less address
        var gallery = stories.published(port, Language.EN).orElseThrow().body();
        assertThat(gallery).filteredOn(Block.Image.class::isInstance).hasSize(2);
        assertThat(((Block.Paragraph) gallery.getFirst()).text().linkedStories()).containsExactly(story);

        // statuses with their original times
        var scheduled = stories.details(target(site, "group:wpml:43")).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(StoryStatus.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(Instant.parse("2026-12-20T06:00:00Z"));
        var pending = stories.details(target(site, "group:wpml:44")).orElseThrow();
        assertThat(pending.status()).isEqualTo(StoryStatus.IN_REVIEW);
        assertThat(stories.working(pending.id(), Language.EN).orElseThrow().slug()).isEqualTo("embankment-lights-to-be-repaired");

        // pages: one page with a version per language, live as they were
        var page = pages.find(target(site, "pagegroup:wpml:90")).orElseThrow();
        assertThat(page.versions()).containsOnlyKeys(Language.EN, Language.UK);
        assertThat(page.versions().get(Language.EN).slug()).isEqualTo("about-the-ledger");
        assertThat(page.versions().get(Language.UK).live()).isTrue();

        // images through the media library, with their texts
        var stored = media.item(image.mediaId()).orElseThrow();
        assertThat(stored.text(Language.UK).alt()).isEqualTo("Three barges lit by floodlights in front of closed lock gates");
        assertThat(line(report, "media:201").outcome()).isEqualTo(Outcome.IMPORTED);

        // the old addresses answer 301 to the new ones
        var site1 = new SiteClient(this.port);
        var storyUrl = "/en/river-trade/barge-traffic-kaniv-lock-" + story;
        for (var old : List.of("/2025/10/barge-traffic-kaniv-lock/", "/2025/10/barge-traffic-kaniv-lock", "/?p=101",
                "/index.php?p=101", "/2025/10/15/barge-traffic-kaniv-lock/")) {
            var moved = site1.get(old);
            assertThat(moved.statusCode()).as(old).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location").orElseThrow()).as(old).endsWith(storyUrl);
            assertThat(moved.headers().firstValue("X-Content-Type-Options")).as(old).hasValue("nosniff");
        }
        assertThat(site1.get("/uk/2025/10/%D1%80%D1%83%D1%85-%D0%B1%D0%B0%D1%80%D0%B6/").headers().firstValue("Location")
                .orElseThrow()).endsWith("/uk/river-trade/rukh-barzh-" + story);
        // the ru version is a draft: its old address leads to a live version in another language
        assertThat(site1.get("/ru/2025/10/dvizhenie-barzh/").headers().firstValue("Location").orElseThrow()).endsWith(storyUrl);
        assertThat(site1.get("/category/river-trade/").headers().firstValue("Location").orElseThrow()).endsWith("/en/river-trade/");
        assertThat(site1.get("/category/rechnaya-torgovlya/").headers().firstValue("Location").orElseThrow())
                .endsWith("/ru/river-trade/");
        assertThat(site1.get("/category/river-trade/feed/").headers().firstValue("Location").orElseThrow())
                .endsWith("/en/river-trade/feed/rss.xml");
        assertThat(site1.get("/tag/barges/").headers().firstValue("Location").orElseThrow()).endsWith("/en/tag/barges");
        assertThat(site1.get("/author/mhrytsenko/").headers().firstValue("Location").orElseThrow())
                .endsWith("/en/author/mariia-hrytsenko");
        assertThat(site1.get("/about-the-ledger/").headers().firstValue("Location").orElseThrow()).endsWith("/en/about-the-ledger");
        assertThat(site1.get("/never-was-here/").statusCode()).isEqualTo(404);
        assertThat(site1.get("/?p=999999").statusCode()).isEqualTo(302);   // an unknown post: the home page as ever
    }

    @Test
    void runningTheSameFileAgainCreatesNothingAndAChangedPostIsUpdated() throws IOException {
        var site = "https://wpml-b.example";
        var file = fixture("wordpress-wpml.xml", "https://ledger.example", site);
        run(file, false);
        int storiesBefore = stories.count();
        long story = target(site, "group:wpml:41");

        var again = run(file, false);
        assertThat(stories.count()).isEqualTo(storiesBefore);
        assertThat(again.counts().get(Outcome.IMPORTED)).isZero();
        assertThat(again.counts().get(Outcome.UPDATED)).isZero();
        assertThat(line(again, "post 101").outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(line(again, "category river-trade").outcome()).isEqualTo(Outcome.UNCHANGED);

        Files.writeString(file, Files.readString(file).replace("Why the queue grew", "Why the queue grew so fast"));
        var changed = run(file, false);
        assertThat(line(changed, "post 101").outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(line(changed, "post 102").outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(stories.count()).isEqualTo(storiesBefore);
        var en = stories.published(story, Language.EN).orElseThrow();
        assertThat(((Block.Subheading) en.body().get(1)).text().text()).isEqualTo("Why the queue grew so fast");
        assertThat(stories.details(story).orElseThrow().revisions().get(Language.EN)).isEqualTo(2);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws IOException {
        var file = fixture("wordpress-polylang.xml", "http://karpaty-voice.example", "http://dry-run.example");
        int storiesBefore = stories.count();
        int itemsBefore = jdbc.sql("select count(*) from import_item").query(Integer.class).single();
        int addressesBefore = jdbc.sql("select count(*) from import_address").query(Integer.class).single();
        int mediaBefore = jdbc.sql("select count(*) from media_asset").query(Integer.class).single();
        int sectionsBefore = taxonomy.sections().size();

        var report = run(file, true);

        assertThat(line(report, "post 501").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(line(report, "post 503").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(line(report, "category hory").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(stories.count()).isEqualTo(storiesBefore);
        assertThat(jdbc.sql("select count(*) from import_item").query(Integer.class).single()).isEqualTo(itemsBefore);
        assertThat(jdbc.sql("select count(*) from import_address").query(Integer.class).single()).isEqualTo(addressesBefore);
        assertThat(jdbc.sql("select count(*) from media_asset").query(Integer.class).single()).isEqualTo(mediaBefore);
        assertThat(taxonomy.sections()).hasSize(sectionsBefore);
    }

    @Test
    void polylangClassicPostsBecomeParagraphsImagesAndLinksWithoutAnyHtml() throws IOException {
        var site = "http://polylang-a.example";
        var report = run(fixture("wordpress-polylang.xml", "http://karpaty-voice.example", site), false);
        assertThat(line(report, "post 503").reason()).contains("language pl");
        long story = target(site + "/news", "group:pll:pll_5e1c0ffee1");
        long guide = target(site + "/news", "group:post:504");
        var details = stories.details(story).orElseThrow();
        assertThat(details.sourceLanguage()).isEqualTo(Language.UK);
        assertThat(details.publishedRevisions()).containsOnlyKeys(Language.UK, Language.EN);
        var section = taxonomy.sectionDetails(details.sectionId()).orElseThrow();
        assertThat(section.slug()).isEqualTo("hory");
        assertThat(section.name().en()).isEqualTo("Mountains");
        assertThat(section.name().uk()).isEqualTo("Гори");

        var uk = stories.published(story, Language.UK).orElseThrow();
        var body = uk.body();
        var first = ((Block.Paragraph) body.getFirst()).text();
        assertThat(first.text()).isEqualTo("Після двох тижнів ремонту стежку на Говерлу знову відкрили для туристів.\n"
                + "Рятувальники радять виходити до 9-ї ранку.");
        assertThat(first.marks()).extracting(Mark::kind).containsExactly("bold");
        var image = (Block.Image) body.get(1);
        assertThat(image.caption().text()).isEqualTo("Стежка після дощу");
        assertThat(image.caption().marks()).extracting(Mark::kind).containsExactly("italic");
        assertThat(image.alt()).isEqualTo("Кам'яна стежка серед трави");
        assertThat(body.get(2)).isInstanceOf(Block.Subheading.class);
        assertThat(((Block.BulletList) body.get(3)).items()).extracting(RichText::text)
                .containsExactly("воду й дощовик", "заряджений телефон");
        assertThat(((Block.Quote) body.get(4)).speaker()).isEqualTo("Петро Гнатюк, рятувальник");
        var links = ((Block.Paragraph) body.get(5)).text();
        assertThat(links.linkedStories()).containsExactly(guide);
        assertThat(links.marks()).noneMatch(m -> m instanceof Mark.Link l && l.href().startsWith("javascript"));
        assertThat(links.text()).contains("сайті парку");
        assertThat(body).filteredOn(Block.Embed.class::isInstance).extracting(b -> ((Block.Embed) b).url())
                .containsExactly("https://video.example/watch/hoverla-drone", "https://maps.example/embed?hoverla");
        assertThat(body).noneMatch(b -> b.richTexts().stream().anyMatch(t -> t.text().contains("<") || t.text().contains("alert")));
        assertThat(line(report, "post 501").reason()).contains("<script> left out").contains("[gallery] without ids");

        var en = stories.published(story, Language.EN).orElseThrow();
        assertThat(en.body()).hasSize(2);
        assertThat(((Block.Paragraph) en.body().get(1)).text().marks()).extracting(Mark::kind)
                .containsExactlyInAnyOrder("subscript", "superscript");
        assertThat(new SiteClient(port).get("/news/2019/06/03/ryatuvalnyky-vidkryly-stezhku/").headers().firstValue("Location")
                .orElseThrow()).endsWith("/uk/hory/ryatuvalnyky-vidkryly-stezhku-" + story);
        assertThat(new SiteClient(port).get("/news/category/mountains/").headers().firstValue("Location")
                .orElseThrow()).endsWith("/en/hory/");
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedWithItsLineAndColumnBeforeAnythingIsWritten() throws IOException {
        var file = folder.resolve("broken.xml");
        var text = new String(getClass().getResourceAsStream("/imports/wordpress-wpml.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("https://ledger.example", "https://broken.example").replace("<wp:post_id>107</wp:post_id>", "<wp:post_id>107</wp:postid>");
        Files.writeString(file, text);
        int storiesBefore = stories.count();
        assertThatThrownBy(() -> run(file, false)).isInstanceOf(ArchiveImports.InvalidArchive.class)
                .hasMessageMatching("Not well-formed XML at line \\d+, column \\d+: .*");
        assertThat(stories.count()).isEqualTo(storiesBefore);
        assertThat(jdbc.sql("select count(*) from import_item where site = 'https://broken.example'").query(Integer.class).single()).isZero();
    }
}
