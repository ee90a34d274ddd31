package org.masthead.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.FrontPages;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The edited fronts and the breaking-news banner over real HTTP, with the page cache on: an editor arranges the
 * numbered places of the home page or of a section, previews them (readers see nothing yet), publishes them (that
 * page in that language shows them at once, audited, and no other page is dropped), pins run out, the admin API
 * reads and sets them, and a banner goes over every page of its language and comes down.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.cache.enabled=true")
class FrontPageIntegrationTest {

    private static final Pattern LEAD = Pattern.compile("<li class=\"lead-story\"[^>]*>.*?<h2><a href=\"([^\"]+)\"", Pattern.DOTALL);
    private static final ZoneId NEWSROOM_ZONE = ZoneId.of("Europe/Kyiv");

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired OutboxRelay relay;
    @Autowired FrontPages fronts;
    @Autowired org.masthead.editorial.FrontPageDesk desk;
    @Autowired JdbcClient jdbc;
    SiteClient site;
    Fixtures fixtures;
    NewsroomClient editor;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        relay.drain();
    }

    @AfterEach
    void putTheFrontBack() {
        for (var language : Language.all()) {
            fronts.publish(FrontPages.Front.home(language), List.of(), "test");
            fronts.clearBanner(language, "test");
        }
        relay.drain();
    }

    @Test
    void anEditorPreviewsThenPublishesTheLeadAndTheHomePageShowsItAtOnce() {
        long older = fixtures.story().in(UK, "Старіша історія для головної").in(EN, "Older story").published();
        long newer = fixtures.story().in(UK, "Новіша історія").published();
        relay.drain();
        assertThat(lead(site.get("/uk/").body())).endsWith("-" + newer);
        assertThat(cache(site.get("/uk/"))).isEqualTo("hit");
        site.get("/en/");

        var form = slots(Map.of(1, older, 3, newer), Map.of(1, inAnHour()));
        var preview = editor.post("/newsroom/front/uk", with(form, "op", "preview"));
        assertThat(preview.statusCode()).isEqualTo(303);
        assertThat(preview.headers().firstValue("Location")).hasValue("/newsroom/preview/front/uk");
        var previewed = editor.get("/newsroom/preview/front/uk");
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(lead(previewed.body())).endsWith("-" + older);
        assertThat(previewed.body()).contains("class=\"preview-note\"", "data-placed=\"true\"");
        assertThat(HtmlValidator.errors(previewed.body())).isEmpty();
        // readers still see the front by time: nothing of the draft is live, and the cached page stays
        assertThat(cache(site.get("/uk/"))).isEqualTo("hit");
        assertThat(lead(site.get("/uk/").body())).endsWith("-" + newer);
        // the newsroom's form shows the draft as saved
        assertThat(editor.get("/newsroom/front/uk").body()).containsPattern(Pattern.compile(
                "name=\"slot1.story\"[^>]*>.*?<option value=\"" + older + "\" selected", Pattern.DOTALL));

        var published = editor.post("/newsroom/front/uk", with(form, "op", "publish"));
        assertThat(published.statusCode()).isEqualTo(302);
        relay.drain();

        var home = site.get("/uk/");
        assertThat(cache(home)).isEqualTo("miss");
        assertThat(lead(home.body())).endsWith("-" + older);
        assertThat(home.body()).doesNotContain("data-placed");
        // the story in place 3 is third on the page, the newest after the lead second
        var front = Pattern.compile("<ul class=\"front\">.*", Pattern.DOTALL).matcher(home.body()).results().findFirst().map(m -> m.group()).orElseThrow();
        var order = Pattern.compile("<h2><a href=\"[^\"]+-(\\d+)\"")
                .matcher(front).results().map(m -> Long.parseLong(m.group(1))).limit(3).toList();
        assertThat(order.get(0)).isEqualTo(older);
        assertThat(order.get(2)).isEqualTo(newer);
        assertThat(HtmlValidator.errors(home.body())).isEmpty();
        // the English home page was left alone
        assertThat(cache(site.get("/en/"))).isEqualTo("hit");
        assertThat(audit.recent("front.publish", null, 5)).anySatisfy(entry -> {
            assertThat(entry.subject()).isEqualTo("front:uk");
            assertThat(entry.detail()).contains("1=story " + older + " until", "3=story " + newer);
        });
    }

    @Test
    void aSectionGetsItsOwnLeadPreviewedPublishedAuditedAndOnlyItsFirstPageIsDropped() {
        long section = fixtures.section();
        long older = fixtures.story().inSection(section).in(UK, "Старіша історія розділу").published();
        long newer = fixtures.story().inSection(section).in(UK, "Новіша історія розділу").published();
        long elsewhere = fixtures.story().in(UK, "Історія з іншого розділу").published();
        relay.drain();
        var slug = sectionSlug(section);
        var sectionPage = "/uk/" + slug + "/";
        var untouched = List.of(path(newer, UK), "/uk/", "/en/" + slug + "/");
        for (var page : concat(List.of(sectionPage), untouched)) {
            site.get(page);
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }
        assertThat(lead(site.get(sectionPage).body())).endsWith("-" + newer);

        var arranging = editor.get("/newsroom/front/uk?section=" + slug);
        assertThat(arranging.statusCode()).isEqualTo(200);
        assertThat(arranging.body()).contains("<input type=\"hidden\" name=\"section\" value=\"" + slug + "\">",
                "data-front-slots", "<option value=\"" + older + "\"").doesNotContain("<option value=\"" + elsewhere + "\"",
                "id=\"banner-heading\"");
        assertThat(HtmlValidator.errors(arranging.body())).isEmpty();

        // a story of another section is refused, naming its place, with the form as typed
        var refused = editor.post("/newsroom/front/uk", with(with(slots(Map.of(1, older, 2, elsewhere), Map.of()),
                "section", slug), "op", "publish"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"slot2-error\"", "name=\"section\" value=\"" + slug + "\"");
        assertThat(HtmlValidator.errors(refused.body())).isEmpty();
        assertThat(fronts.live(FrontPages.Front.section(UK, section))).isEmpty();

        var form = with(slots(Map.of(1, older), Map.of(1, inAnHour())), "section", slug);
        var preview = editor.post("/newsroom/front/uk", with(form, "op", "preview"));
        assertThat(preview.statusCode()).isEqualTo(303);
        assertThat(preview.headers().firstValue("Location")).hasValue("/newsroom/preview/front/uk/" + slug);
        var previewed = editor.get("/newsroom/preview/front/uk/" + slug);
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(lead(previewed.body())).endsWith("-" + older);
        assertThat(previewed.body()).contains("class=\"preview-note\"", "data-placed=\"true\"");
        assertThat(HtmlValidator.errors(previewed.body())).isEmpty();
        assertThat(cache(site.get(sectionPage))).isEqualTo("hit");
        assertThat(fronts.live(FrontPages.Front.home(UK))).isEmpty();

        var published = editor.post("/newsroom/front/uk", with(form, "op", "publish"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElse("")).endsWith("/newsroom/front/uk?section=" + slug
                + "&done=published");
        relay.drain();
        var shown = site.get(sectionPage);
        assertThat(cache(shown)).isEqualTo("miss");
        assertThat(lead(shown.body())).endsWith("-" + older);
        assertThat(shown.body()).doesNotContain("data-placed");
        assertThat(shown.headers().firstValue("Surrogate-Key").orElse("")).contains("section-front:" + section);
        assertThat(HtmlValidator.errors(shown.body())).isEmpty();
        // the section's stories, the home page and the section in English keep their cached pages
        for (var page : untouched) {
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }
        assertThat(audit.recent("front.publish", null, 5)).anySatisfy(entry -> {
            assertThat(entry.subject()).isEqualTo("front:uk/section:" + section);
            assertThat(entry.detail()).contains("1=story " + older + " until");
        });

        // the pin runs out: announced once for that front, and the section's page follows by time again
        jdbc.sql("update front_slot set pinned_until = :past where section_id = :section")
                .param("past", Instant.now().minusSeconds(1).toEpochMilli()).param("section", section).update();
        assertThat(desk.announceExpiries()).isEqualTo(1);
        relay.drain();
        assertThat(lead(site.get(sectionPage).body())).endsWith("-" + newer);
        assertThat(cache(site.get("/uk/"))).isEqualTo("hit");
    }

    @Test
    void theAdminApiReadsAndSetsASectionsFrontWithPreciseProblems() throws Exception {
        long section = fixtures.section();
        long lead = fixtures.story().inSection(section).in(EN, "Section lead").published();
        long other = fixtures.story().in(EN, "Filed elsewhere").published();
        long draft = fixtures.story().inSection(section).in(EN, "Section draft").draft();
        relay.drain();
        var slug = sectionSlug(section);
        var token = Tokens.issue(editor, "Section front", "read", "write", "publish");

        var empty = api("GET", "/api/v1/admin/front/en/" + slug, token, null);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("\"section\":\"" + slug + "\"", "\"slots\":[]");
        var unknown = api("PUT", "/api/v1/admin/front/en/no-such-section", token, "{\"slots\":[]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("There is no such section.");
        var foreign = api("PUT", "/api/v1/admin/front/en/" + slug, token,
                "{\"slots\":[{\"position\":1,\"storyId\":" + other + "}]}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"field\":\"slots[1]\"", "Story " + other + " is filed in");
        var unpublished = api("PUT", "/api/v1/admin/front/en/" + slug, token,
                "{\"slots\":[{\"position\":2,\"storyId\":" + draft + "}]}");
        assertThat(unpublished.statusCode()).isEqualTo(400);
        assertThat(unpublished.body()).contains("\"field\":\"slots[2]\"", "has no published en version");

        var set = api("PUT", "/api/v1/admin/front/en/" + slug, token,
                "{\"slots\":[{\"position\":1,\"storyId\":" + lead + "}]}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"section\":\"" + slug + "\"", "\"storyId\":" + lead, "\"headline\":\"Section lead\"");
        assertThat(api("GET", "/api/v1/admin/front/en/" + slug, token, null).body()).contains("\"storyId\":" + lead);
        assertThat(api("GET", "/api/v1/admin/front/en", token, null).body()).doesNotContain("\"storyId\":" + lead);
        relay.drain();
        assertThat(lead(site.get("/en/" + slug + "/").body())).endsWith("-" + lead);
        // a token without the publish scope may read but not set
        var reader = Tokens.issue(editor, "Reader", "read");
        assertThat(api("PUT", "/api/v1/admin/front/en/" + slug, reader, "{\"slots\":[]}").statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/admin/front/en/" + slug, reader, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPinThatRunsOutLeavesThePlaceToTimeAndDropsTheCachedHomePage() {
        long pinned = fixtures.story().in(EN, "Pinned for a while").published();
        long newest = fixtures.story().in(EN, "Newest after the pin").published();
        relay.drain();
        fronts.publish(FrontPages.Front.home(EN), List.of(new FrontPages.Slot(1, pinned, Instant.now().plus(1, ChronoUnit.HOURS))), "test");
        relay.drain();
        assertThat(lead(site.get("/en/").body())).endsWith("-" + pinned);
        assertThat(cache(site.get("/en/"))).isEqualTo("hit");

        jdbc.sql("update front_slot set pinned_until = :past where language = 'en'")
                .param("past", Instant.now().minusSeconds(1).toEpochMilli()).update();
        assertThat(desk.announceExpiries()).isEqualTo(1);
        assertThat(desk.announceExpiries()).as("announced once").isZero();
        relay.drain();

        var home = site.get("/en/");
        assertThat(cache(home)).isEqualTo("miss");
        assertThat(lead(home.body())).endsWith("-" + newest);
    }

    @Test
    void aPlaceForAStoryReadersCannotOpenIsRefusedNamingThePlace() {
        long ukrainianOnly = fixtures.story().in(UK, "Лише українською").published();
        long draft = fixtures.story().in(EN, "Still a draft").draft();
        relay.drain();

        var refused = editor.post("/newsroom/front/en", with(slots(Map.of(2, ukrainianOnly), Map.of()), "op", "publish"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"slot2-error\"",
                "Story " + ukrainianOnly + " has no published en version: readers cannot open it.");
        assertThat(HtmlValidator.errors(refused.body())).isEmpty();
        var past = editor.post("/newsroom/front/en", with(slots(Map.of(1, draft), Map.of()), "op", "preview"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(fronts.live(FrontPages.Front.home(EN))).isEmpty();

        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        assertThat(contributor.get("/newsroom/front/en").statusCode()).isEqualTo(403);
    }

    @Test
    void aBannerGoesOverEveryPageOfItsLanguageByOneKeyAndComesDown() {
        long section = fixtures.section();
        long target = fixtures.story().inSection(section).in(UK, "Термінова подія").published();
        long other = fixtures.story().inSection(section).in(UK, "Інша історія").in(EN, "Another story").published();
        relay.drain();
        var pages = List.of("/uk/", path(other, UK), "/uk/" + sectionSlug(section) + "/");
        var elsewhere = List.of("/en/", path(other, EN));
        for (var page : concat(pages, elsewhere)) {
            site.get(page);
            assertThat(cache(site.get(page))).as(page).isEqualTo("hit");
        }

        var set = editor.post("/newsroom/front/uk/banner", List.of(Map.entry("text", "Вибухи <у> столиці"),
                Map.entry("story", Long.toString(target)), Map.entry("expiresAt", local(inAnHour())),
                Map.entry("op", "set")));
        assertThat(set.statusCode()).isEqualTo(302);
        relay.drain();

        for (var page : pages) {
            var shown = site.get(page);
            assertThat(cache(shown)).as(page).isEqualTo("miss");
            assertThat(shown.body()).as(page).contains("<aside class=\"breaking\"", "Вибухи &lt;у&gt; столиці",
                    "href=\"" + path(target, UK) + "\"");
            assertThat(shown.headers().firstValue("Surrogate-Key").orElse("")).as(page).contains("banner");
        }
        assertThat(HtmlValidator.errors(site.get("/uk/").body())).isEmpty();
        assertThat(site.get("/uk/search?q=test").body()).contains("<aside class=\"breaking\"");
        for (var page : elsewhere) {
            var untouched = site.get(page);
            assertThat(cache(untouched)).as(page).isEqualTo("hit");
            assertThat(untouched.body()).doesNotContain("class=\"breaking\"");
        }
        assertThat(audit.recent("banner.set", null, 5)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("banner:uk"));

        // the banner runs out: announced once, every page drops it
        jdbc.sql("update breaking_banner set expires_at = :past where language = 'uk'")
                .param("past", Instant.now().minusSeconds(1).toEpochMilli()).update();
        assertThat(desk.announceExpiries()).isEqualTo(1);
        relay.drain();
        for (var page : pages) {
            assertThat(site.get(page).body()).as(page).doesNotContain("class=\"breaking\"");
        }
        assertThat(audit.recent("banner.expire", null, 5)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("banner:uk");
            assertThat(e.detail()).contains("story " + target, "Вибухи <у> столиці");
        });

        // set again, then taken down from the newsroom
        fronts.setBanner(UK, "Знову", target, inAnHour(), "test");
        relay.drain();
        assertThat(site.get("/uk/").body()).contains("class=\"breaking\"");
        assertThat(editor.post("/newsroom/front/uk/banner", List.of(Map.entry("op", "clear"))).statusCode()).isEqualTo(302);
        relay.drain();
        assertThat(site.get("/uk/").body()).doesNotContain("class=\"breaking\"");
        assertThat(audit.recent("banner.clear", null, 5)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("banner:uk"));
    }

    @Test
    void aBannerLinkingToAnUnpublishedStoryIsRefusedWithAPreciseError() throws Exception {
        long draft = fixtures.story().in(RU, "Ещё черновик").draft();
        long english = fixtures.story().in(EN, "English only").published();
        var form = editor.post("/newsroom/front/ru/banner", List.of(Map.entry("text", "Срочно"),
                Map.entry("story", Long.toString(draft)), Map.entry("expiresAt", local(inAnHour())), Map.entry("op", "set")));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("id=\"banner-story-error\"");
        assertThat(HtmlValidator.errors(form.body())).isEmpty();

        var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "Banner", "read", "write", "publish");
        var refused = api("PUT", "/api/v1/admin/banner/ru", token, "{\"text\":\"Срочно\",\"storyId\":" + english
                + ",\"expiresAt\":\"" + inAnHour() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"storyId\"",
                "Story " + english + " has no published ru version: a banner links only to what readers can open.");
        var expired = api("PUT", "/api/v1/admin/banner/en", token, "{\"text\":\"Late\",\"storyId\":" + english
                + ",\"expiresAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("\"field\":\"expiresAt\"");
        // a token without the publish scope may read but not set
        var writer = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "Writer", "read", "write");
        assertThat(api("PUT", "/api/v1/admin/banner/en", writer, "{\"text\":\"Up\",\"storyId\":" + english
                + ",\"expiresAt\":\"" + inAnHour() + "\"}").statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/admin/banner/en", writer, null).statusCode()).isEqualTo(404);
        var up = api("PUT", "/api/v1/admin/banner/en", token, "{\"text\":\"Up\",\"storyId\":" + english
                + ",\"expiresAt\":\"" + inAnHour() + "\"}");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/v1/admin/banner/en", writer, null).body()).contains("\"text\":\"Up\"");
        assertThat(fronts.banner(RU)).isEmpty();
    }

    // ---- helpers ----

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<Map.Entry<String, String>> slots(Map<Integer, Long> stories, Map<Integer, Instant> until) {
        var form = new java.util.ArrayList<Map.Entry<String, String>>();
        for (int position = 1; position <= FrontPages.SLOTS; position++) {
            var story = stories.get(position);
            form.add(Map.entry("slot" + position + ".story", story == null ? "" : story.toString()));
            var time = until.get(position);
            form.add(Map.entry("slot" + position + ".until", time == null ? "" : local(time)));
        }
        return form;
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String name, String value) {
        var all = new java.util.ArrayList<>(form);
        all.add(Map.entry(name, value));
        return all;
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, NEWSROOM_ZONE).toString();
    }

    private static String lead(String html) {
        var matcher = LEAD.matcher(html);
        assertThat(matcher.find()).as("a lead story on the page").isTrue();
        return matcher.group(1);
    }

    private String path(long id, Language language) {
        return stories.published(id, language).map(p -> "/" + language.code() + "/" + p.section().slug() + "/" + p.slug()
                + "-" + id).orElseThrow();
    }

    private String sectionSlug(long id) {
        return taxonomy.sections().stream().filter(s -> s.id() == id).findFirst().orElseThrow().slug();
    }

    private static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("X-Page-Cache").orElse("none");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
