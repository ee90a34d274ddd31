package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.FrontPages;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.EventStreamReader;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live blogs over real HTTP with the page cache on: the newsroom opens one and posts entries, readers see them on
 * the page (structured data, key events, paging, a feed), each entry drops only the live blog's pages, and the
 * event stream pushes entries as they come and resumes from Last-Event-ID without a gap.
 */
@MastheadTest
// only the queue of a reader that does not read drops it here, never the time it has been stuck
@TestPropertySource(properties = {"masthead.cache.enabled=true", "masthead.live-streams.slow-reader=10m"})
class LiveBlogIntegrationTest {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired LiveBlogs blogs;
    @Autowired FrontPages fronts;
    @Autowired OutboxRelay relay;
    @Autowired LiveStreams liveStreams;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired org.masthead.editorial.FrontPageDesk desk;
    @Autowired org.masthead.identity.AuditLog audit;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    SiteClient site;
    Fixtures fixtures;
    final List<AutoCloseable> streams = new ArrayList<>();

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        relay.drain();
    }

    @AfterEach
    void closeStreams() throws Exception {
        for (var stream : streams) {
            stream.close();
        }
        fronts.publish(FrontPages.Front.home(UK), List.of(), "test");
        relay.drain();
    }

    @Test
    void theNewsroomOpensALiveBlogAndPostsEntriesReadersSeeThem() throws Exception {
        long section = fixtures.section();
        long id = fixtures.story().inSection(section).in(UK, "Онлайн: день переговорів").in(EN, "Live: a day of talks").published();
        relay.drain();
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var reporter = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        var composer = reporter.get("/newsroom/stories/" + id + "/live");
        assertThat(composer.statusCode()).isEqualTo(200);
        assertThat(composer.body()).doesNotContain("name=\"body\"");
        assertThat(reporter.post("/newsroom/stories/" + id + "/live", Map.of("state", "live")).statusCode()).isEqualTo(403);
        assertThat(editor.post("/newsroom/stories/" + id + "/live", Map.of("state", "live", "untranslated", "show"))
                .statusCode()).isEqualTo(302);
        composer = reporter.get("/newsroom/stories/" + id + "/live");
        assertThat(composer.body()).contains("name=\"body\"", "autofocus");
        assertThat(HtmlValidator.errors(composer.body())).isEmpty();

        var posted = reporter.post("/newsroom/stories/" + id + "/live/entries", Map.of("language", "uk",
                "author", "Олена Марченко", "headline", "Делегації <прибули>", "body", "Перший **абзац**.\n\n## Деталі\n\nДругий абзац.",
                "keyEvent", "true"));
        assertThat(posted.statusCode()).isEqualTo(302);
        reporter.post("/newsroom/stories/" + id + "/live/entries", Map.of("language", "en", "author", "Wire desk",
                "headline", "", "body", "Written in English only."));
        var refused = reporter.post("/newsroom/stories/" + id + "/live/entries", Map.of("language", "uk",
                "author", "Олена", "headline", "", "body", "[Посилання](javascript:alert(1))"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"entry-body-error\"", "javascript:alert(1)");
        relay.drain();

        var path = path(id, UK);
        var page = site.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
        var entry = blogs.entries(id, UK, null, 5).entries().getFirst();
        assertThat(page.body()).contains("id=\"entry-" + entry.id() + "\"", "Делегації &lt;прибули&gt;",
                "<strong>абзац</strong>", "class=\"key-events\"", "href=\"#entry-" + entry.id() + "\"",
                "data-stream=\"/live/" + id + "/uk/events\"", "class=\"live-reload\"", "/site/js/live-",
                "Written in English only.", "lang=\"en\"");
        var graph = JsonMapper.builder().build().readTree(first(JSON_LD, page.body()));
        var posting = graph.path("@graph").get(0);
        assertThat(posting.path("@type").asString()).isEqualTo("LiveBlogPosting");
        assertThat(posting.path("coverageStartTime").asString()).isNotBlank();
        assertThat(posting.has("coverageEndTime")).isFalse();
        assertThat(posting.path("liveBlogUpdate")).hasSize(2);
        assertThat(posting.path("liveBlogUpdate").get(1).path("headline").asString()).isEqualTo("Делегації <прибули>");
        assertThat(posting.path("liveBlogUpdate").get(1).path("url").asString()).endsWith(path + "#entry-" + entry.id());

        // hidden untranslated entries: the Ukrainian page leaves the English one out
        editor.post("/newsroom/stories/" + id + "/live", Map.of("state", "live", "untranslated", "hide"));
        relay.drain();
        assertThat(site.get(path).body()).doesNotContain("Written in English only.");

        // corrected, withdrawn, ended
        editor.post("/newsroom/stories/" + id + "/live/entries/" + entry.id(), Map.of("op", "correct",
                "author", "Олена Марченко", "headline", "Делегації прибули", "body", "Виправлений абзац.", "keyEvent", "true"));
        relay.drain();
        assertThat(site.get(path).body()).contains("Виправлений абзац.", "class=\"live-entry key-event\"");
        editor.post("/newsroom/stories/" + id + "/live/entries/" + entry.id(), Map.of("op", "withdraw"));
        editor.post("/newsroom/stories/" + id + "/live", Map.of("state", "ended", "untranslated", "hide"));
        relay.drain();
        var ended = site.get(path).body();
        assertThat(ended).contains("class=\"live-withdrawn\"").doesNotContain("Виправлений абзац.", "data-stream=");
        assertThat(JsonMapper.builder().build().readTree(first(JSON_LD, ended)).path("@graph").get(0)
                .path("coverageEndTime").asString()).isNotBlank();
        // refused like any other input: the composer again, with the error and the entry as typed
        var late = reporter.post("/newsroom/stories/" + id + "/live/entries", Map.of("language", "en", "author", "Олена",
                "headline", "Надто пізно", "body", "Запізно.", "keyEvent", "true"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("<p class=\"field-error\" id=\"state-error\">", ">Запізно.</textarea>",
                "value=\"Надто пізно\"", "value=\"Олена\"", "<option value=\"en\" selected>")
                .containsPattern("name=\"keyEvent\" value=\"true\" checked");
        assertThat(HtmlValidator.errors(late.body())).isEmpty();
        assertThat(blogs.count(id, null)).isEqualTo(2);
    }

    @Test
    void eachEntryDropsOnlyTheLiveBlogsPagesAndTheHomePageWhereItIsFeatured() {
        long section = fixtures.section();
        long id = fixtures.story().inSection(section).in(UK, "Онлайн: вибори").published();
        long neighbour = fixtures.story().inSection(section).in(UK, "Сусідня історія").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        relay.drain();
        var livePage = path(id, UK);
        var others = List.of(path(neighbour, UK), "/uk/" + sectionSlug(section) + "/", "/uk/");
        var feed = "/uk/live/" + id + "/atom.xml";
        for (var page : concat(List.of(livePage, feed), others)) {
            site.get(page);
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }

        blogs.post(id, entry(UK, "Перші результати"), "test");
        relay.drain();
        assertThat(cache(site.get(livePage))).isEqualTo("miss");
        var atom = site.get(feed);
        assertThat(cache(atom)).isEqualTo("miss");
        assertThat(atom.body()).contains("<title>Перші результати</title>", "#entry-");
        for (var page : others) {
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }

        // featured on the Ukrainian front page, the live blog's entries drop that home page too
        fronts.publish(FrontPages.Front.home(UK), List.of(new FrontPages.Slot(1, id, null)), "test");
        relay.drain();
        site.get("/uk/");
        assertThat(cache(site.get("/uk/"))).isEqualTo("hit");
        blogs.post(id, entry(UK, "Явка вища, ніж торік"), "test");
        relay.drain();
        assertThat(cache(site.get("/uk/"))).isEqualTo("miss");
        assertThat(cache(site.get(others.getFirst()))).isEqualTo("hit");

        // leading its section's front, the entries drop the section's first page, and its stories' pages stay
        var sectionPage = "/uk/" + sectionSlug(section) + "/";
        fronts.publish(FrontPages.Front.section(UK, section), List.of(new FrontPages.Slot(1, id, null)), "test");
        relay.drain();
        site.get(sectionPage);
        assertThat(cache(site.get(sectionPage))).isEqualTo("hit");
        blogs.post(id, entry(UK, "Підрахунок триває"), "test");
        relay.drain();
        var led = site.get(sectionPage);
        assertThat(cache(led)).isEqualTo("miss");
        assertThat(first(Pattern.compile("<li class=\"lead-story\"[^>]*>.*?<h2><a href=\"([^\"]+)\"", Pattern.DOTALL),
                led.body())).isEqualTo(livePage);
        assertThat(cache(site.get(others.getFirst()))).isEqualTo("hit");
    }

    @Test
    void olderEntriesAreOnFurtherPages() {
        long id = fixtures.story().in(EN, "Live: many entries").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        for (int i = 1; i <= LiveViews.PER_PAGE + 3; i++) {
            blogs.post(id, entry(EN, "Entry number " + i), "test");
        }
        relay.drain();
        var first = site.get(path(id, EN)).body();
        assertThat(first).contains("Entry number " + (LiveViews.PER_PAGE + 3), "rel=\"next\"").doesNotContain("Entry number 3<");
        var older = first(Pattern.compile("href=\"([^\"]+\\?older=\\d+)#live-entries\" rel=\"next\""), first).replace("&amp;", "&");
        var second = site.get(older);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Entry number 3<", "Entry number 1<").doesNotContain("data-stream=");
        assertThat(HtmlValidator.errors(second.body())).isEmpty();
    }

    @Test
    void theEventStreamPushesEntriesAndResumesFromTheLastEventWithoutAGap() throws Exception {
        long id = fixtures.story().in(UK, "Онлайн: потік").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        relay.drain();
        long start = blogs.lastChange(id);
        assertThat(site.get(LiveViews.stream(id, EN)).statusCode()).as("no English version").isEqualTo(404);

        var events = open(LiveViews.stream(id, UK) + "?after=" + start, null);
        var one = blogs.post(id, entry(UK, "Перший запис"), "test");
        relay.drain();
        var received = events.next();
        assertThat(received.id()).isEqualTo(one.changeId());
        assertThat(received.data()).contains("\"kind\":\"posted\"", "\"headline\":\"Перший запис\"", "id=\\\"entry-" + one.entry().id());

        // the reader goes away; two entries come meanwhile; the browser reconnects with the last id it had
        events.close();
        var two = blogs.post(id, entry(UK, "Другий запис"), "test");
        var three = blogs.correct(id, one.entry().id(), entry(UK, "Перший запис, виправлено"));
        relay.drain();
        var resumed = open(LiveViews.stream(id, UK), Long.toString(one.changeId()));
        assertThat(resumed.next().id()).isEqualTo(two.changeId());
        var correction = resumed.next();
        assertThat(correction.id()).isEqualTo(three.changeId());
        assertThat(correction.data()).contains("\"kind\":\"corrected\"", "Перший запис, виправлено");
        var four = blogs.post(id, entry(UK, "Четвертий запис"), "test");
        relay.drain();
        assertThat(resumed.next().id()).isEqualTo(four.changeId());
    }

    @Test
    void aTranslationReachesTheOpenPagesOfItsLanguageOnlyAndAReconnectResumesWithoutAGap() throws Exception {
        long id = fixtures.story().in(UK, "Онлайн: переклад у потоці").in(EN, "Live: a translation in the stream").published();
        blogs.setState(id, LiveBlog.State.LIVE, false);
        relay.drain();
        long start = blogs.lastChange(id);
        var ukrainian = open(LiveViews.stream(id, UK) + "?after=" + start, null);
        var english = open(LiveViews.stream(id, EN) + "?after=" + start, null);

        var posted = blogs.post(id, entry(UK, "Новий запис"), "test");
        relay.drain();
        assertThat(ukrainian.next().id()).isEqualTo(posted.changeId());
        var translated = blogs.translate(id, posted.entry().id(), new LiveEntry.TranslationDraft(EN, "A new entry",
                List.of(new Block.Paragraph("p1", "Text of a new entry"))), "test");
        relay.drain();
        // hidden from English readers until translated, it reaches them as the translation
        var arrived = english.next();
        assertThat(arrived.id()).isEqualTo(translated.changeId());
        assertThat(arrived.data()).contains("\"kind\":\"translated\"", "\"headline\":\"A new entry\"",
                "Text of a new entry", "live-translated").doesNotContain("Новий запис");

        var corrected = blogs.correct(id, posted.entry().id(), entry(UK, "Новий запис, виправлено"));
        relay.drain();
        // the Ukrainian readers never see the translation's change: their next one is the correction
        assertThat(ukrainian.next().id()).isEqualTo(corrected.changeId());
        var behind = english.next();
        assertThat(behind.id()).isEqualTo(corrected.changeId());
        assertThat(behind.data()).contains("A new entry", "live-outdated").doesNotContain("Новий запис");

        // an English reader who had only the page from before reconnects: what the one who stayed had, in order, in
        // English (the post itself too when it is read back after the translation, as it then reads in English)
        var resumed = open(LiveViews.stream(id, EN), Long.toString(start));
        var received = new ArrayList<EventStreamReader.Event>();
        while (received.isEmpty() || received.getLast().id() != corrected.changeId()) {
            received.add(resumed.next());
        }
        assertThat(received).extracting(EventStreamReader.Event::id).endsWith(translated.changeId(), corrected.changeId());
        assertThat(received).allSatisfy(event -> assertThat(event.data()).contains("A new entry")
                .doesNotContain("Новий запис"));
    }

    @Test
    void aReaderThatNeverReadsIsDroppedOnceItsQueueIsFullAndTheOthersGetEverything() throws Exception {
        long id = fixtures.story().in(EN, "Live: a stalled reader").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        relay.drain();
        long start = blogs.lastChange(id);
        var reading = open(LiveViews.stream(id, EN) + "?after=" + start, null);
        reading.banner();
        int before = liveStreams.open();
        double dropped = meters.counter("masthead.live.streams.dropped").count();
        // a reader that asks for the stream and then takes nothing, with a receive window as small as it gets
        try (var stalled = new java.net.Socket()) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            stalled.getOutputStream().write(("GET " + LiveViews.stream(id, EN) + "?after=" + start + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            waitFor(() -> liveStreams.open() == before + 1, "the stalled stream open");

            var long1 = "Довгий абзац про події дня. ".repeat(600);
            var posted = new ArrayList<Long>();
            for (int i = 0; i < 400 && meters.counter("masthead.live.streams.dropped").count() == dropped; i++) {
                var entry = new LiveEntry.Draft(EN, "Test desk", "Entry " + i,
                        List.of(new Block.Paragraph("p1", long1)), false);
                posted.add(blogs.post(id, entry, "test").changeId());
                relay.drain();
            }
            assertThat(meters.counter("masthead.live.streams.dropped").count()).as("the stalled reader dropped")
                    .isEqualTo(dropped + 1);
            // the reader that reads has every change, in order
            for (var change : posted) {
                assertThat(reading.next().id()).isEqualTo(change);
            }
        }
    }

    @Test
    void aReaderFarBehindCatchesUpWithoutAGapPastWhatTheStreamKeepsInMemory() throws Exception {
        long id = fixtures.story().in(EN, "Live: far behind").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        relay.drain();
        long start = blogs.lastChange(id);
        var following = open(LiveViews.stream(id, EN) + "?after=" + start, null);
        var posted = new ArrayList<Long>();
        for (int i = 0; i < 300; i++) {
            posted.add(blogs.post(id, entry(EN, "Catch-up " + i), "test").changeId());
            if (i % 50 == 0) {
                relay.drain();
            }
        }
        relay.drain();
        var late = open(LiveViews.stream(id, EN), Long.toString(start));
        for (var change : posted) {
            assertThat(following.next().id()).isEqualTo(change);
            assertThat(late.next().id()).isEqualTo(change);
        }
    }

    @Test
    void theBannerReachesOpenPagesThroughTheirStreamsAndComesDownWhenItRunsOut() throws Exception {
        long target = fixtures.story().in(UK, "Термінова новина для банера").published();
        long live = fixtures.story().in(UK, "Онлайн: з банером").published();
        blogs.setState(live, LiveBlog.State.LIVE, true);
        fronts.clearBanner(UK, "test");
        relay.drain();
        var page = site.get("/uk/").body();
        assertThat(page).contains("data-banner-stream=\"/live/banner/uk/events\"", "/site/js/banner-");
        assertThat(site.get(path(live, UK)).body()).contains("data-banner-stream=", "/site/js/banner-");

        // a page that is no live blog follows the banner's stream, a live blog's page its own stream
        var anyPage = open("/live/banner/uk/events", null);
        var livePage = open(LiveViews.stream(live, UK), null);
        var english = open("/live/banner/en/events", null);
        assertThat(anyPage.banner()).as("the banner as it is when the stream opens").isEqualTo("{}");
        assertThat(livePage.banner()).isEqualTo("{}");
        assertThat(english.banner()).isEqualTo("{}");

        fronts.setBanner(UK, "Тривога <у> місті", target, java.time.Instant.now().plusSeconds(3600), "test");
        relay.drain();
        for (var stream : List.of(anyPage, livePage)) {
            var banner = JsonMapper.builder().build().readTree(stream.banner());
            assertThat(banner.path("text").asString()).isEqualTo("Тривога <у> місті");
            assertThat(banner.path("url").asString()).isEqualTo(path(target, UK));
            assertThat(banner.path("label").asString()).isNotBlank();
        }
        assertThat(english.banners.poll(500, TimeUnit.MILLISECONDS)).as("another language's banner").isNull();

        // it runs out: the pages take it down, and the expiry is in the audit log
        jdbc.sql("update breaking_banner set expires_at = :past where language = 'uk'")
                .param("past", java.time.Instant.now().minusSeconds(1).toEpochMilli()).update();
        desk.announceExpiries();
        relay.drain();
        assertThat(anyPage.banner()).isEqualTo("{}");
        assertThat(livePage.banner()).isEqualTo("{}");
        assertThat(audit.recent("banner.expire", null, 5)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("banner:uk"));
        fronts.clearBanner(UK, "test");
        relay.drain();
    }

    // ---- helpers ----

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private EventStreamReader open(String path, String lastEventId) throws Exception {
        var events = EventStreamReader.open(port, path, lastEventId);
        streams.add(events);
        return events;
    }

    @Test
    void aCorrectionInTheNewsroomKeepsTheBlocksItsFormCannotShow() throws Exception {
        long id = fixtures.story().in(UK, "Онлайн: виправлення з цитатою").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        var quote = new Block.Quote("q1", "Зустрінемося знову", "Міністр", "енергетики");
        var posted = blogs.post(id, new LiveEntry.Draft(UK, "Агенція", "Заява", List.of(new Block.Paragraph("p1", "Перший."),
                quote, new Block.Paragraph("p2", "Другий.")), false), "test");
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);

        var corrected = editor.post("/newsroom/stories/" + id + "/live/entries/" + posted.entry().id(), Map.of("op", "correct",
                "author", "Агенція", "headline", "Заява", "body", "Перший, виправлено.\n\nДругий, виправлено."));

        assertThat(corrected.statusCode()).isEqualTo(302);
        assertThat(blogs.entry(id, posted.entry().id()).body()).containsExactly(
                new Block.Paragraph("p1", "Перший, виправлено."), quote, new Block.Paragraph("p2", "Другий, виправлено."));
        relay.drain();
        assertThat(site.get(path(id, UK)).body()).contains("Зустрінемося знову", "Другий, виправлено.");
    }

    private static LiveEntry.Draft entry(Language language, String headline) {
        return new LiveEntry.Draft(language, "Test desk", headline, List.of(new Block.Paragraph("p1", "Text of " + headline)), false);
    }

    private String path(long id, Language language) {
        return stories.published(id, language).map(p -> "/" + language.code() + "/" + p.section().slug() + "/" + p.slug()
                + "-" + id).orElseThrow();
    }

    private String sectionSlug(long id) {
        return taxonomy.sections().stream().filter(s -> s.id() == id).findFirst().orElseThrow().slug();
    }

    private static String first(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("X-Page-Cache").orElse("none");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
