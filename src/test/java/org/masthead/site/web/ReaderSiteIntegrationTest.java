package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.content.Block;
import org.masthead.content.FrontPages;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reader site over real HTTP, every page type checked by the Nu Html Checker. */
@MastheadTest
class ReaderSiteIntegrationTest {

    private static final Pattern STORY_LINK = Pattern.compile("href=\"(/en/(?!section-)[a-z0-9-]+/[a-z0-9-]+-\\d+)\"");

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired org.masthead.platform.outbox.OutboxRelay relay;
    @Autowired FrontPages fronts;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uk/", "/en/", "/ru/", "/en/politics/", "/uk/economy/", "/ru/war/", "/en/culture/",
            "/en/tag/energy", "/uk/author/olena-marchenko", "/ru/author/iryna-savchuk"})
    void listPagesAreValidHtml(String path) {
        var page = site.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).as(path).isEmpty();
    }

    @Test
    void aSectionPageWithAChosenLeadIsValidHtml() {
        long section = fixtures.section();
        long chosen = fixtures.story().inSection(section).in(EN, "The section's chosen lead").published();
        for (int i = 1; i <= 16; i++) {
            fixtures.story().inSection(section).in(EN, "Section story " + i).published();
        }
        fronts.publish(FrontPages.Front.section(EN, section), List.of(new FrontPages.Slot(1, chosen, null)), "test");
        relay.drain();
        var slug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        var page = site.get("/en/" + slug + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        var lead = Pattern.compile("<ul class=\"front\">\\s*<li class=\"lead-story\"[^>]*>.*?<h2><a href=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(page.body());
        assertThat(lead.find()).as("a lead on the section's page").isTrue();
        assertThat(lead.group(1)).endsWith("-" + chosen);
        assertThat(page.body()).contains("<ul class=\"cards\">");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
    }

    @Test
    void everyDemoStoryPageOfTheHomePageIsValidHtmlInEveryLanguage() {
        var home = site.get("/en/").body();
        var matcher = STORY_LINK.matcher(home);
        int checked = 0;
        while (matcher.find() && checked < 6) {
            for (var lang : List.of("en", "uk", "ru")) {
                var english = site.get(matcher.group(1));
                var path = lang.equals("en") ? matcher.group(1) : alternate(english.body(), lang);
                var page = site.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(HtmlValidator.errors(page.body())).as(path).isEmpty();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void storyPageShowsEverythingAReaderExpects() {
        var path = firstStoryPath();
        var body = site.get(path).body();

        assertThat(body).contains("<h1>", "class=\"standfirst\"", "rel=\"author\"", "<figcaption>",
                "class=\"credit\"", "rel=\"tag\"", "id=\"related-heading\"", "<time datetime=\"");
        assertThat(body).containsPattern("<img src=\"/media/\\d+/\\d+\\.jpg\" srcset=\"[^\"]+\" sizes=\"[^\"]+\" "
                + "width=\"\\d+\" height=\"\\d+\" alt=\"[^\"]+\" loading=\"eager\"");
        assertThat(body).contains("<link rel=\"canonical\" href=\"http://localhost:8080" + path + "\">");
        assertThat(body).containsPattern("(January|February|March|April|May|June|July|August|September|October"
                + "|November|December) \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} (AM|PM)");
    }

    @Test
    void switcherAndAlternatesNameOnlyPublishedVersions() {
        long id = fixtures.story().in(UK, "Тільки дві мови").in(EN, "Only two languages").published();
        var section = stories.published(id, EN).orElseThrow().section().slug();
        var body = site.get("/en/" + section + "/only-two-languages-" + id).body();

        assertThat(body).contains("hreflang=\"uk\" href=\"http://localhost:8080/uk/" + section + "/tilky-dvi-movy-" + id + "\"");
        assertThat(body).contains("hreflang=\"x-default\" href=\"http://localhost:8080/uk/" + section + "/tilky-dvi-movy-" + id + "\"");
        assertThat(body).doesNotContain("hreflang=\"ru\" href=");
        assertThat(body).contains("<span class=\"unavailable\"");
        assertThat(body).contains("<a href=\"/language/uk?next=%2Fuk%2F" + section + "%2Ftilky-dvi-movy-" + id
                + "\" hreflang=\"uk\" lang=\"uk\">");
        assertThat(site.get("/ru/" + section + "/tilky-dvi-movy-" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void alternatesStayReciprocalAsVersionsArePublishedAndWithdrawn() {
        long id = fixtures.story().in(UK, "Взаємні посилання").in(EN, "Reciprocal links").in(RU, "Взаимные ссылки").draft();
        stories.publishVersion(id, UK);
        var section = stories.published(id, UK).orElseThrow().section().slug();
        var uk = "/uk/" + section + "/vzaiemni-posylannia-" + id;
        var en = "/en/" + section + "/reciprocal-links-" + id;
        var ru = "/ru/" + section + "/vzaimnye-ssylki-" + id;
        assertThat(alternates(uk)).containsExactly("uk", "x-default");
        assertThat(site.get(en).statusCode()).isEqualTo(404);

        stories.publishVersion(id, EN);
        stories.publishVersion(id, RU);
        // reader pages (and what they are rendered from) follow a publication once the outbox has handed it on
        relay.drain();
        for (var path : List.of(uk, en, ru)) {
            assertThat(alternates(path)).as(path).containsExactly("uk", "en", "ru", "x-default");
        }

        stories.unpublishVersion(id, EN);
        relay.drain();
        assertThat(site.get(en).statusCode()).isEqualTo(410);
        for (var path : List.of(uk, ru)) {
            assertThat(alternates(path)).as(path).containsExactly("uk", "ru", "x-default");
            assertThat(site.get(path).body()).as(path).doesNotContain("next=%2Fen%2F");
        }
    }

    private List<String> alternates(String path) {
        var page = site.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Pattern.compile("<link rel=\"alternate\" hreflang=\"([a-z-]+)\"").matcher(page.body()).results()
                .map(r -> r.group(1)).toList();
    }

    @Test
    void anOutdatedSlugOrSectionAnswersAPermanentRedirectToTheCurrentAddress() {
        long id = fixtures.story().in(EN, "Current headline").published();
        var section = stories.published(id, EN).orElseThrow().section().slug();
        var current = "/en/" + section + "/current-headline-" + id;

        for (var old : List.of("/en/" + section + "/old-headline-" + id, "/en/politics/current-headline-" + id)) {
            var response = site.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).hasValueSatisfying(l -> assertThat(l).endsWith(current));
        }
        assertThat(site.get(current).statusCode()).isEqualTo(200);
    }

    @Test
    void withdrawnStoriesAnswerGoneInTheirLanguage() {
        long id = fixtures.story().in(RU, "Снятый материал").published();
        var section = stories.published(id, RU).orElseThrow().section().slug();
        stories.unpublish(id);

        var response = site.get("/ru/" + section + "/snyatyi-material-" + id);
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("<html lang=\"ru\"", "Материал снят с публикации");
        assertThat(HtmlValidator.errors(response.body())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ru/no-such-section/", "/ru/tag/no-such-tag", "/ru/author/nobody", "/ru/politics/?page=0",
            "/ru/politics/?page=-1", "/ru/politics/?page=abc", "/ru/politics/?page=99999", "/ru/politics/?page=1e9",
            "/ru/politics/x-99999999999999999999", "/ru/politics/x-0", "/ru/politics/%D0%BF-1", "/ru/politics/a/b/c",
            "/ru/tag/", "/ru/author/UPPER", "/ru/politics/slug-12abc"})
    void badAddressesAnswerNotFoundInTheRightLanguage(String path) {
        var response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).contains("<html lang=\"ru\"", "Страница не найдена");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/de/", "/xx/politics/", "/favicon.ico", "/%2e%2e/etc/passwd", "/uk%00/", "/index.php"})
    void unknownLanguagesAndProbesAnswerNotFoundNeverAServerError(String path) {
        var response = site.get(path);
        assertThat(response.statusCode()).as(path).isBetween(400, 499);
    }

    @Test
    void theNotFoundPageIsValidHtmlAndNotIndexed() {
        var response = site.get("/en/tag/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<meta name=\"robots\" content=\"noindex\">", "Page not found");
        assertThat(HtmlValidator.errors(response.body())).isEmpty();
    }

    @Test
    void everythingWrittenByUsersIsEscaped() {
        long id = fixtures.story().in(EN, "<script>alert('x')</script> & \"quotes\"")
                .body(new Block.Paragraph("b1", "<img src=x onerror=alert(1)>"),
                        new Block.Quote("b3", "</p><b>bold</b>", "<i>Someone</i>", ""))
                .published();
        // a script address is refused on the way in, so it never reaches a page
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.story().in(EN, "Embed")
                        .body(new Block.Embed("b2", "javascript:alert(1)", "click")).published())
                .isInstanceOf(org.masthead.content.InvalidContent.class);
        var story = stories.published(id, EN).orElseThrow();
        var body = site.get("/en/" + story.section().slug() + "/" + story.slug() + "-" + id).body();

        assertThat(body).doesNotContain("<script>alert", "<img src=x", "javascript:", "<b>bold</b>", "<i>Someone");
        assertThat(body).contains("&lt;script&gt;alert(", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(HtmlValidator.errors(body)).isEmpty();
    }

    @Test
    void theRootSendsReadersToTheirLanguage() {
        assertThat(location(site.get("/", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"))).endsWith("/ru/");
        assertThat(location(site.get("/", "Accept-Language", "en-GB,en;q=0.9"))).endsWith("/en/");
        assertThat(location(site.get("/", "Accept-Language", "de-DE,fr;q=0.5"))).endsWith("/uk/");
        assertThat(location(site.get("/", "Accept-Language", ";;;garbage"))).endsWith("/uk/");
        assertThat(location(site.get("/"))).endsWith("/uk/");
        assertThat(site.get("/", "Accept-Language", "en").headers().firstValue("Vary")).hasValueSatisfying(
                vary -> assertThat(vary).contains("Accept-Language"));
    }

    @Test
    void theSwitcherRemembersTheReadersChoiceForTheRoot() {
        var chosen = site.get("/language/ru?next=%2Fru%2Fpolitics%2F");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ru/politics/"));
        var cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("masthead-language=ru").contains("Path=/", "SameSite=Lax", "HttpOnly");

        assertThat(location(site.get("/", "Cookie", "masthead-language=ru", "Accept-Language", "en"))).endsWith("/ru/");
        assertThat(location(site.get("/", "Cookie", "masthead-language=xx", "Accept-Language", "en"))).endsWith("/en/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2Fen%2F", "%2Fru%2F..%2F%2Fevil",
            "%2Fru%2F%5C%5Cevil", "javascript%3Aalert(1)"})
    void theSwitcherFollowsOnlyPagesOfThisSiteInTheChosenLanguage(String next) {
        var chosen = site.get("/language/ru?next=" + next);
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ru/")
                .doesNotContain("evil"));
    }

    @Test
    void pagesAreCacheableAndCarrySecurityHeaders() {
        var response = site.get("/en/");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("public", "max-age="));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                value -> assertThat(value).contains("default-src 'self'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
    }

    @Test
    void pagesRequestNothingFromOtherHostsAndLazyLoadImagesBelowTheFold() {
        var body = site.get("/uk/").body();
        assertThat(body).doesNotContainPattern("(src|href)=\"(https?:)?//(?!localhost:8080)[^\"]*\\.(css|js|woff2?|png|jpe?g|svg)");
        // the only scripts are our own enhancements (search suggestions, the banner on an open page); the page
        // works without them
        assertThat(body).doesNotContainPattern("<script(?! src=\"/site/js/(?:search|banner)-[0-9a-f]+\\.js\" defer>)");
        var images = Pattern.compile("<img [^>]*>").matcher(body).results().map(r -> r.group()).toList();
        assertThat(images).isNotEmpty().allSatisfy(img -> assertThat(img).containsPattern("width=\"\\d+\" height=\"\\d+\""));
        // only the lead picture at the top may load eagerly; everything below the fold waits
        assertThat(images.subList(1, images.size())).allSatisfy(img -> assertThat(img).contains("loading=\"lazy\""));
    }

    @Test
    void stylesheetAndImagesAreServedWithLongLivedCaching() {
        var home = site.get("/en/").body();
        var css = Pattern.compile("href=\"(/site/css/site-[0-9a-f]+\\.css)\"").matcher(home);
        assertThat(css.find()).isTrue();
        var stylesheet = site.get(css.group(1));
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=31536000"));
        var image = Pattern.compile("src=\"(/media/\\d+/\\d+\\.jpg)\"").matcher(home);
        assertThat(image.find()).isTrue();
        var jpeg = site.get(image.group(1));
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(site.get("/media/999999/800.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    void sectionPagesPaginateWithLinksBothWays() {
        long section = fixtures.section();
        for (int i = 0; i < 23; i++) {
            fixtures.story().inSection(section).in(EN, "Paged story " + i).published();
        }
        var slug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        var first = site.get("/en/" + slug + "/").body();
        var second = site.get("/en/" + slug + "/?page=2").body();

        assertThat(first).contains("rel=\"next\"", "Page 1 of 2", "23 stories").doesNotContain("rel=\"prev\"");
        assertThat(site.get("/uk/" + slug + "/").body()).contains("0 матеріалів");
        assertThat(second).contains("rel=\"prev\"", "Page 2 of 2", "Paged story 0").doesNotContain("rel=\"next\"");
        assertThat(second).contains("<link rel=\"canonical\" href=\"http://localhost:8080/en/" + slug + "/?page=2\">");
        assertThat(site.get("/en/" + slug + "/?page=3").statusCode()).isEqualTo(404);
        assertThat(HtmlValidator.errors(second)).isEmpty();
    }

    @Test
    void healthAndReadinessAnswer() {
        assertThat(site.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(site.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(site.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private String firstStoryPath() {
        var matcher = STORY_LINK.matcher(site.get("/en/").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String alternate(String html, String lang) {
        var matcher = Pattern.compile("hreflang=\"" + lang + "\" href=\"http://localhost:8080([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("alternate " + lang).isTrue();
        return matcher.group(1);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
