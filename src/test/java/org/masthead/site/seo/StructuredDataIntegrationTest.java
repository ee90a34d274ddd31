package org.masthead.site.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON-LD, Open Graph and Twitter tags of story pages, read back from real HTTP responses. */
@MastheadTest
class StructuredDataIntegrationTest {

    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    private static final String HOSTILE = "Talks </script><script>alert(1)</script> \u2028resume";

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired MediaLibrary media;
    @Autowired JsonMapper json;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
    }

    @Test
    void aTranslatedStoryDescribesItselfCompletely() throws Exception {
        var image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 1600, 1000);
        g.dispose();
        long imageId = media.add(image).id();
        long section = fixtures.section();
        var authorSlug = Fixtures.unique("author");
        long author = taxonomy.addAuthor(authorSlug, new org.masthead.platform.Localized("Автор " + authorSlug, "An Author " + authorSlug,
                "Автор " + authorSlug),
                new org.masthead.platform.Localized("", "", ""));
        long id = stories.create(new NewStory(section, UK, List.of(author), List.of(), imageId));
        for (var version : List.of(Language.UK, Language.EN)) {
            stories.save(new SaveVersion(id, version, 0, version == UK ? "Переговори відновилися" : HOSTILE,
                    "Standfirst", "", "", "Caption " + version.code(), "Photo: Agency", "Alt text",
                    List.of(new Block.Paragraph("p", "Text")), "test"));
        }
        stories.publish(id);
        stories.addNote(id, EN, org.masthead.content.StoryNote.Kind.CORRECTION,
                "An earlier version misnamed the city.", "test");
        var sectionSlug = stories.published(id, EN).orElseThrow().section().slug();
        var englishPath = "/en/" + sectionSlug + "/talks-script-script-alert-1-script-resume-" + id;
        var ukrainianUrl = "http://localhost:8080/uk/" + sectionSlug + "/perehovory-vidnovylysia-" + id;

        var page = site.get(englishPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
        var scripts = JSON_LD.matcher(page.body());
        assertThat(scripts.find()).isTrue();
        assertThat(scripts.group(1)).doesNotContain("</", "\u2028");
        var graph = json.readTree(scripts.group(1));
        assertThat(graph.path("@context").asString()).isEqualTo("https://schema.org");
        var article = graph.path("@graph").get(0);
        var breadcrumbs = graph.path("@graph").get(1);

        assertThat(article.path("@type").asString()).isEqualTo("NewsArticle");
        // the line separator was made a space on the way in; the markup-like text stays, escaped for the script element
        assertThat(article.path("headline").asString()).isEqualTo(HOSTILE.replace('\u2028', ' '));
        assertThat(article.path("url").asString()).isEqualTo("http://localhost:8080" + englishPath);
        assertThat(article.path("inLanguage").asString()).isEqualTo("en");
        assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.path("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*[+-]\\d{2}:\\d{2}");
        assertThat(article.path("dateModified").asString()).isNotBlank();
        assertThat(article.path("author").get(0).path("name").asString()).startsWith("An Author ");
        assertThat(article.path("author").get(0).path("url").asString())
                .isEqualTo("http://localhost:8080/en/author/" + authorSlug);
        var publisher = article.path("publisher");
        assertThat(publisher.path("name").asString()).isEqualTo("Masthead");
        assertThat(publisher.path("logo").path("url").asString()).isEqualTo("http://localhost:8080/site/img/logo.png");
        assertThat(site.get("/site/img/logo.png").statusCode()).isEqualTo(200);
        assertThat(article.path("translationOfWork").path("url").asString()).isEqualTo(ukrainianUrl);
        var correction = article.path("correction").get(0);
        assertThat(correction.path("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(correction.path("text").asString()).isEqualTo("An earlier version misnamed the city.");
        assertThat(correction.path("datePublished").asString()).isNotBlank();
        assertThat(article.path("translationOfWork").path("inLanguage").asString()).isEqualTo("uk");

        var images = new ArrayList<JsonNode>();
        article.path("image").forEach(images::add);
        assertThat(images).extracting(i -> i.path("url").asString()).containsExactly(
                "http://localhost:8080/media/" + imageId + "/16x9/1200.jpg",
                "http://localhost:8080/media/" + imageId + "/4x3/1200.jpg",
                "http://localhost:8080/media/" + imageId + "/1x1/800.jpg");
        for (var node : images) {
            assertThat(node.path("creditText").asString()).isEqualTo("Photo: Agency");
            assertThat(node.path("copyrightNotice").asString()).isEqualTo("Photo: Agency");
            var file = bytes(node.path("url").asString().substring("http://localhost:8080".length()));
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            var decoded = ImageIO.read(new ByteArrayInputStream(file.body()));
            assertThat(decoded.getWidth()).isEqualTo(node.path("width").asInt());
            assertThat(decoded.getHeight()).isEqualTo(node.path("height").asInt());
        }
        assertThat(images.get(0).path("height").asInt()).isEqualTo(675);
        assertThat(images.get(1).path("height").asInt()).isEqualTo(900);
        assertThat(images.get(2).path("height").asInt()).isEqualTo(800);

        assertThat(breadcrumbs.path("@type").asString()).isEqualTo("BreadcrumbList");
        assertThat(breadcrumbs.path("itemListElement")).hasSize(3);
        assertThat(breadcrumbs.path("itemListElement").get(2).path("item").asString())
                .isEqualTo("http://localhost:8080" + englishPath);

        // large image previews in news surfaces and search results
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"max-image-preview:large\">");
        assertThat(page.body()).contains("<meta property=\"og:locale\" content=\"en_US\">",
                "<meta property=\"og:locale:alternate\" content=\"uk_UA\">",
                "<meta property=\"og:type\" content=\"article\">",
                "<meta property=\"og:image\" content=\"http://localhost:8080/media/" + imageId + "/16x9/1200.jpg\">",
                "<meta property=\"og:image:width\" content=\"1200\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">");
        assertThat(page.body()).doesNotContain("og:locale:alternate\" content=\"ru_RU\"");

        var original = json.readTree(jsonLd(site.get("/uk/" + sectionSlug + "/perehovory-vidnovylysia-" + id).body()))
                .path("@graph").get(0);
        assertThat(original.path("workTranslation").get(0).path("url").asString())
                .isEqualTo("http://localhost:8080" + englishPath);
        assertThat(original.has("translationOfWork")).isFalse();
    }

    @Test
    void aStoryWithoutAnImageHasASmallCardAndUnofferedCropsDoNotExist() {
        long anyStory = fixtures.story().in(RU, "Без картинки").published();
        var page = site.get("/ru/" + stories.published(anyStory, RU).orElseThrow().section().slug()
                + "/bez-kartinki-" + anyStory).body();
        assertThat(page).contains("<meta name=\"twitter:card\" content=\"summary\">").doesNotContain("og:image");
        assertThat(site.get("/media/1/16x9/1234.jpg").statusCode()).isEqualTo(404);
        assertThat(site.get("/media/999999/1x1/400.jpg").statusCode()).isEqualTo(404);
        assertThat(site.get("/media/1/3x2/400.jpg").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.uri(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String jsonLd(String html) {
        var matcher = JSON_LD.matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
