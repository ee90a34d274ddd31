package org.masthead.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.RichText;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.distribution.NewWebhook;
import org.masthead.distribution.WebhookEvent;
import org.masthead.distribution.Webhooks;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live blog entries translated on the translation desk and through the admin API, over real HTTP with the page
 * cache on: the state of each entry's translations (missing, up to date, stale after a correction), what readers
 * of each language see (the translation, the entry as written with a note and its own {@code lang}, or nothing),
 * in the page, its structured data and its feed, the evictions a translation makes, its webhook and the
 * translation memory it feeds.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.cache.enabled=true")
class LiveEntryTranslationIntegrationTest {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The field of an entry's headline on the desk's form. */
    private static final String HEADLINE = "t." + TranslationDesk.ENTRY_HEADLINE + ".0";

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired LiveBlogs blogs;
    @Autowired OutboxRelay relay;
    @Autowired TranslationDesk desk;
    @Autowired Webhooks webhooks;
    @Autowired JdbcClient jdbc;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        relay.drain();
    }

    @Test
    void aTranslatorTranslatesAnEntryOnTheDeskAndACorrectionOfTheOriginalPutsItBehind() throws Exception {
        long id = trilingualLiveBlog(true);
        var entry = blogs.post(id, draft("Делегації прибули", "Переговори почалися о дев’ятій."), "test").entry();
        relay.drain();
        var translator = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
        var reporter = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var deskPage = "/newsroom/translations/" + id + "/live";

        var before = translator.get(deskPage);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(before.body())).isEmpty();
        assertThat(states(before.body(), entry.id())).containsExactly(Map.entry("en", "missing"), Map.entry("ru", "missing"));
        assertThat(translator.get("/newsroom/translations").body()).contains("href=\"" + deskPage + "\"");

        // translators and editors translate; reporters do not; nobody translates into the entry's own language
        var action = deskPage + "/" + entry.id() + "/";
        assertThat(reporter.post(action + "en", Map.of(HEADLINE, "x", "t.p1.0", "x")).statusCode()).isEqualTo(403);
        var own = translator.post(action + "uk", Map.of(HEADLINE, "", "t.p1.0", "Інший текст."));
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.body()).contains("id=\"language-error\"");
        var unsafe = translator.post(action + "en", Map.of(HEADLINE, "", "t.p1.0", "[Link](javascript:alert(1))"));
        assertThat(unsafe.statusCode()).isEqualTo(422);
        assertThat(unsafe.body()).contains("id=\"entry-" + entry.id() + "-en-p1-error\"", "javascript:alert(1)");
        assertThat(blogs.entry(id, entry.id()).translations()).isEmpty();

        var saved = translator.post(action + "en", Map.of(HEADLINE, "Delegations <arrive>",
                "t.p1.0", "The talks began at **nine**."));
        assertThat(saved.statusCode()).isEqualTo(302);
        relay.drain();
        assertThat(states(translator.get(deskPage).body(), entry.id()))
                .containsExactly(Map.entry("en", "translated"), Map.entry("ru", "missing"));
        assertThat(desk.proposals(UK, EN, RichText.plain("Переговори почалися о дев’ятій.")))
                .anySatisfy(match -> assertThat(match.targetText()).contains("The talks began at"));

        // the English page reads the translation; the Russian one the entry as written, in its own language
        var english = site.get(path(id, EN)).body();
        assertThat(HtmlValidator.errors(english)).isEmpty();
        assertThat(article(english, entry.id())).contains("Delegations &lt;arrive&gt;", "<strong>nine</strong>",
                "class=\"live-note live-translated\"").doesNotContain("lang=\"uk\"", "Переговори");
        var russian = site.get(path(id, RU)).body();
        assertThat(article(russian, entry.id())).contains("lang=\"uk\"", "Переговори почалися", "class=\"live-note\"");
        var update = JSON.readTree(first(JSON_LD, english)).path("@graph").get(0).path("liveBlogUpdate").get(0);
        assertThat(update.path("headline").asString()).isEqualTo("Delegations <arrive>");
        assertThat(update.path("inLanguage").asString()).isEqualTo("en");
        assertThat(JSON.readTree(first(JSON_LD, russian)).path("@graph").get(0).path("liveBlogUpdate").get(0)
                .path("inLanguage").asString()).isEqualTo("uk");
        assertThat(site.get("/en/live/" + id + "/atom.xml").body()).contains("<title>Delegations &#x3C;arrive&gt;</title>",
                "The talks began at nine.");

        // a change of the flag alone leaves the translation up to date; a correction of the text puts it behind
        editor.post("/newsroom/stories/" + id + "/live/entries/" + entry.id(), Map.of("op", "correct", "author", "Test desk",
                "headline", "Делегації прибули", "body", "Переговори почалися о дев’ятій.", "keyEvent", "true"));
        assertThat(blogs.entry(id, entry.id()).standing(EN)).isEqualTo(LiveEntry.Standing.TRANSLATED);
        editor.post("/newsroom/stories/" + id + "/live/entries/" + entry.id(), Map.of("op", "correct", "author", "Test desk",
                "headline", "Делегації прибули", "body", "Переговори почалися о десятій.", "keyEvent", "true"));
        relay.drain();
        var stale = translator.get(deskPage).body();
        assertThat(states(stale, entry.id())).containsExactly(Map.entry("en", "stale"), Map.entry("ru", "missing"));
        assertThat(stale).contains("<del>дев’ятій</del><ins>десятій</ins>");
        english = site.get(path(id, EN)).body();
        assertThat(article(english, entry.id())).contains("The talks began at", "class=\"live-note live-outdated\"",
                "href=\"" + path(id, UK) + "#entry-" + entry.id() + "\" hreflang=\"uk\"");
        assertThat(HtmlValidator.errors(english)).isEmpty();

        translator.post(action + "en", Map.of(HEADLINE, "Delegations arrive", "t.p1.0", "The talks began at ten."));
        relay.drain();
        assertThat(states(translator.get(deskPage).body(), entry.id())).contains(Map.entry("en", "translated"));
        assertThat(article(site.get(path(id, EN)).body(), entry.id())).contains("The talks began at ten.")
                .doesNotContain("live-outdated");
    }

    @Test
    void everyTextOfAnEntrysBlocksIsTranslatedOnTheDeskAndWhatIsNoTextStaysAsWritten() throws Exception {
        long id = trilingualLiveBlog(true);
        var entry = blogs.post(id, new LiveEntry.Draft(UK, "Test desk", "Делегації прибули", List.of(
                new Block.Subheading("h1", "Ранок"),
                new Block.Quote("q2", "Ми готові говорити.", "Олена Петренко", "речниця"),
                new Block.Image("i3", 7, "Делегації в залі", "Фото: Masthead", "Зала з двома столами"),
                new Block.BulletList("l4", false, List.of(RichText.plain("Обмін полоненими"), RichText.plain("Коридори"))),
                new Block.Embed("m5", "https://example.org/live-report", "Звіт місії"),
                new Block.ReadAlso("r6", id)), false), "test").entry();
        relay.drain();
        var translator = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
        var deskPage = "/newsroom/translations/" + id + "/live";

        var page = translator.get(deskPage).body();
        assertThat(HtmlValidator.errors(page)).isEmpty();
        var form = first(Pattern.compile("(?s)(<details id=\"entry-" + entry.id() + "-en\".*?</form>)"), page);
        // an input for every text of every block, the source shown beside it; a name and a credit start as written
        for (var name : List.of(HEADLINE, "t.h1.0", "t.q2.0", "t.q2.1", "t.q2.2", "t.i3.0", "t.i3.1", "t.i3.2", "t.l4.0",
                "t.l4.1", "t.m5.0")) {
            assertThat(form).as(name).containsPattern("<(input|textarea) id=\"entry-" + entry.id() + "-en-"
                    + Pattern.quote(name) + "\" name=\"" + Pattern.quote(name) + "\"");
            assertThat(form).as(name).contains("<label for=\"entry-" + entry.id() + "-en-" + name + "\">");
        }
        assertThat(form).contains("value=\"Олена Петренко\"", "value=\"Фото: Masthead\"");
        assertThat(page).contains("Зала з двома столами", "Звіт місії", "Коридори");

        var refused = translator.post(deskPage + "/" + entry.id() + "/en", Map.of(HEADLINE, "Delegations arrive",
                "t.i3.0", "*Delegations", "t.h1.0", "Morning"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"entry-" + entry.id() + "-en-i3-error\"", "*Delegations", "Morning");
        assertThat(blogs.entry(id, entry.id()).translations()).isEmpty();

        var saved = translator.post(deskPage + "/" + entry.id() + "/en", Map.ofEntries(Map.entry(HEADLINE, "Delegations arrive"),
                Map.entry("t.h1.0", "Morning"), Map.entry("t.q2.0", "We are *ready* to talk."), Map.entry("t.q2.1", "Olena Petrenko"),
                Map.entry("t.q2.2", "spokeswoman"), Map.entry("t.i3.0", "Delegations in the hall"),
                Map.entry("t.i3.1", "Photo: Masthead"), Map.entry("t.i3.2", "A hall with two tables"),
                Map.entry("t.l4.0", "Prisoner exchange"), Map.entry("t.l4.1", "Corridors"), Map.entry("t.m5.0", "The mission's report")));
        assertThat(saved.statusCode()).isEqualTo(302);
        var translation = blogs.entry(id, entry.id()).translations().get(EN);
        assertThat(translation.headline()).isEqualTo("Delegations arrive");
        assertThat(translation.body()).containsExactly(
                new Block.Subheading("h1", "Morning"),
                new Block.Quote("q2", new RichText("We are ready to talk.", List.of(new org.masthead.content.Mark.Italic(7, 12))),
                        "Olena Petrenko", "spokeswoman"),
                new Block.Image("i3", 7, "Delegations in the hall", "Photo: Masthead", "A hall with two tables"),
                new Block.BulletList("l4", false, List.of(RichText.plain("Prisoner exchange"), RichText.plain("Corridors"))),
                new Block.Embed("m5", "https://example.org/live-report", "The mission's report"),
                new Block.ReadAlso("r6", id));
        var after = translator.get(deskPage).body();
        assertThat(states(after, entry.id())).containsExactly(Map.entry("en", "translated"), Map.entry("ru", "missing"));
        assertThat(after).contains("value=\"A hall with two tables\"", "mission");
    }

    @Test
    void anXliffFileOfTheLiveBlogBringsItsEntriesBackThroughThePagesAndNamesTheOneThatNoLongerFits() {
        long id = trilingualLiveBlog(true);
        var fits = blogs.post(id, draft("Заява", "Міністр зробив заяву."), "test").entry();
        var corrected = blogs.post(id, draft("Вечір", "Вечір буде довгим."), "test").entry();
        relay.drain();
        var translator = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
        var export = "/newsroom/translations/" + id + "/en/xliff?scope=stale";
        assertThat(translator.get("/newsroom/translations/" + id + "/live").body()).contains("href=\"" + export + "\"");

        var file = translator.get(export).body();
        file = XliffAnswers.answer(file, "entry-" + fits.id(), 0, "Statement");
        file = XliffAnswers.answer(file, "entry-" + fits.id(), 1, "The minister made a statement.");
        file = XliffAnswers.answer(file, "entry-" + corrected.id(), 0, "Evening");
        file = XliffAnswers.answer(file, "entry-" + corrected.id(), 1, "The evening will be long.");
        blogs.correct(id, corrected.id(), new LiveEntry.Draft(UK, "Test desk", "Вечір",
                List.of(new Block.Paragraph("p1", "Вечір буде дуже довгим.")), false));
        var imported = translator.upload("/newsroom/translations/" + id + "/en/xliff", "live.xlf",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("entry-" + corrected.id() + ": the source text changed since the file was exported");
        assertThat(HtmlValidator.errors(imported.body())).isEmpty();
        assertThat(blogs.entry(id, fits.id()).standing(EN)).isEqualTo(LiveEntry.Standing.TRANSLATED);
        assertThat(blogs.entry(id, corrected.id()).translations()).isEmpty();
        relay.drain();
        assertThat(article(site.get(path(id, EN)).body(), fits.id())).contains("The minister made a statement.");
    }

    @Test
    void hiddenUntranslatedEntriesShowOnceTranslatedIntoTheReadersLanguage() {
        long id = trilingualLiveBlog(false);
        var entry = blogs.post(id, draft("Лише українською", "Текст запису."), "test").entry();
        relay.drain();
        assertThat(site.get(path(id, EN)).body()).doesNotContain("entry-" + entry.id());
        assertThat(site.get(path(id, RU)).body()).doesNotContain("entry-" + entry.id());

        blogs.translate(id, entry.id(), new LiveEntry.TranslationDraft(EN, "Only in English", List.of(
                new Block.Paragraph("p1", "Text of the entry."))), "test");
        relay.drain();
        assertThat(article(site.get(path(id, EN)).body(), entry.id())).contains("Only in English");
        assertThat(site.get(path(id, RU)).body()).doesNotContain("entry-" + entry.id());
        assertThat(blogs.count(id, EN)).isEqualTo(1);
        assertThat(blogs.count(id, RU)).isZero();
        assertThat(site.get("/ru/live/" + id + "/atom.xml").body()).doesNotContain("Текст запису");
    }

    @Test
    void aTranslationDropsOnlyItsLanguagesCachedPages() {
        long id = trilingualLiveBlog(true);
        var entry = blogs.post(id, draft("Запис", "Текст."), "test").entry();
        relay.drain();
        var pages = List.of(path(id, UK), path(id, EN), path(id, RU), "/uk/live/" + id + "/atom.xml",
                "/en/live/" + id + "/atom.xml");
        for (var page : pages) {
            site.get(page);
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }
        blogs.translate(id, entry.id(), new LiveEntry.TranslationDraft(EN, "Entry", List.of(
                new Block.Paragraph("p1", "Text."))), "test");
        relay.drain();
        assertThat(cache(site.get(path(id, EN)))).isEqualTo("miss");
        assertThat(cache(site.get("/en/live/" + id + "/atom.xml"))).isEqualTo("miss");
        for (var page : List.of(path(id, UK), path(id, RU), "/uk/live/" + id + "/atom.xml")) {
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }
    }

    @Test
    void theAdminApiPostsAndReadsATranslationAndAWebhookAnnouncesIt() throws Exception {
        long id = trilingualLiveBlog(true);
        var hook = webhooks.register(new NewWebhook("http://127.0.0.1:8155/live-translations",
                Set.of(WebhookEvent.LIVE_ENTRY), "translations"), "test");
        try {
            var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
            var token = Tokens.issue(editor, "Translations", "read", "write", "publish");
            var entry = blogs.post(id, draft("Заява міністра", "Міністр зробив заяву."), "test").entry();
            var base = "/api/v1/admin/stories/" + id + "/live/entries/" + entry.id() + "/translations/";
            var body = """
                    {"headline": "The minister's statement", "body": [{"type": "paragraph", "id": "p1", "text": {"text": "The minister made a statement.", "marks": []}}]}""";

            var put = send("PUT", base + "en", token, body);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            var saved = JSON.readTree(put.body());
            assertThat(saved.path("language").asString()).isEqualTo("en");
            assertThat(saved.path("sourceLanguage").asString()).isEqualTo("uk");
            assertThat(saved.path("state").asString()).isEqualTo("translated");
            assertThat(send("GET", base + "en", token, null).body()).contains("The minister made a statement.");
            var missing = send("GET", base + "ru", token, null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            var own = send("PUT", base + "uk", token, body);
            assertThat(own.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(own.body()).path("field").asString()).isEqualTo("language");

            blogs.correct(id, entry.id(), new LiveEntry.Draft(UK, "Test desk", "Заява міністра",
                    List.of(new Block.Paragraph("p1", "Міністр зробив нову заяву.")), false));
            assertThat(JSON.readTree(send("GET", base + "en", token, null).body()).path("state").asString())
                    .isEqualTo("outdated");
            var listed = JSON.readTree(send("GET", "/api/v1/admin/stories/" + id + "/live/entries", token, null).body());
            assertThat(listed.path("items").get(0).path("translations").path("en").asString()).isEqualTo("outdated");
            relay.drain();

            var payloads = jdbc.sql("select payload from webhook_delivery where webhook_id = :hook order by created_at")
                    .param("hook", hook.webhook().id()).query(String.class).list().stream().map(JSON::readTree).toList();
            assertThat(payloads).extracting(p -> p.path("data").path("change").asString())
                    .containsExactly("posted", "translated", "corrected");
            var translated = payloads.get(1).path("data");
            assertThat(translated.path("language").asString()).isEqualTo("en");
            assertThat(translated.path("sourceLanguage").asString()).isEqualTo("uk");
            assertThat(translated.path("headline").asString()).isEqualTo("The minister's statement");
            assertThat(translated.path("url").asString()).endsWith(path(id, EN) + "#entry-" + entry.id());
            assertThat(payloads.get(2).path("data").path("outdatedTranslations").get(0).asString()).isEqualTo("en");
        } finally {
            webhooks.remove(hook.webhook().id(), "test");
        }
    }

    // ---- helpers ----

    /** A live blog written in Ukrainian, published in all three languages, showing or hiding untranslated entries. */
    private long trilingualLiveBlog(boolean showUntranslated) {
        long id = fixtures.story().in(UK, "Онлайн: переклади").in(EN, "Live: translations").in(RU, "Онлайн: переводы")
                .published();
        blogs.setState(id, LiveBlog.State.LIVE, showUntranslated);
        relay.drain();
        return id;
    }

    private static LiveEntry.Draft draft(String headline, String text) {
        return new LiveEntry.Draft(UK, "Test desk", headline, List.of(new Block.Paragraph("p1", text)), false);
    }

    /** The state of each language's translation of entry {@code entry} on the desk's page, in page order. */
    private static List<Map.Entry<String, String>> states(String page, long entry) {
        var matcher = Pattern.compile("<details id=\"entry-" + entry + "-(\\w\\w)\".*?data-state=\"(\\w+)\"", Pattern.DOTALL)
                .matcher(page);
        var found = new java.util.ArrayList<Map.Entry<String, String>>();
        while (matcher.find()) {
            found.add(Map.entry(matcher.group(1), matcher.group(2)));
        }
        return found;
    }

    /** The article of entry {@code entry} on a reader page. */
    private static String article(String page, long entry) {
        return first(Pattern.compile("(<article class=\"live-entry[^\"]*\" id=\"entry-" + entry + "\".*?</article>)",
                Pattern.DOTALL), page);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String path(long id, Language language) {
        return stories.published(id, language).map(p -> "/" + language.code() + "/" + p.section().slug() + "/" + p.slug()
                + "-" + id).orElseThrow();
    }

    private static String first(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("X-Page-Cache").orElse("none");
    }
}
