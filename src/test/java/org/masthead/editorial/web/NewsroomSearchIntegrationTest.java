package org.masthead.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.content.Block;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The newsroom search over real HTTP: drafts for staff of every role, never for readers or the API. */
@MastheadTest
class NewsroomSearchIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired OutboxRelay relay;
    Fixtures fixtures;
    Staff staff;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(stories, taxonomy);
        staff = new Staff(accounts);
    }

    @Test
    void aDraftIsFoundByEveryStaffRoleAndByNoReaderNorTheApi() {
        var word = unique();
        long id = fixtures.story().in(EN, "Harbour plan " + word)
                .body(new Block.Paragraph("p1", "The council discussed " + word + " behind closed doors.")).draft();
        relay.drain();   // the index follows the outbox; the test does not wait for the relay's own schedule

        for (var role : new Role[] {Role.CONTRIBUTOR, Role.EDITOR, Role.TRANSLATOR}) {
            var page = staff.member(role).signIn(port).get("/newsroom/search?q=" + word + "&lang=en");
            assertThat(page.statusCode()).as(role.name()).isEqualTo(200);
            assertThat(page.body()).as(role.name()).contains("1 story found for “" + word + "” (English).",
                    "<a href=\"/newsroom/stories/" + id + "\">Harbour plan <mark>" + word + "</mark>",
                    "The council discussed <mark>" + word + "</mark>", "<span class=\"status\">draft</span>",
                    "not live", "<abbr title=\"English\">EN</abbr>", "href=\"/newsroom/preview/" + id + "/en\"");
            assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            // a contributor may not edit someone else's story, so the page offers no edit link
            var edit = "href=\"/newsroom/stories/" + id + "/en/edit\"";
            if (role == Role.CONTRIBUTOR) {
                assertThat(page.body()).doesNotContain(edit);
            } else {
                assertThat(page.body()).contains(edit);
            }
            assertThat(HtmlValidator.errors(page.body())).as(role.name()).isEmpty();
        }

        var site = new SiteClient(port);
        assertThat(site.get("/en/search?q=" + word).body()).contains("Nothing was found").doesNotContain("-" + id + "\"");
        var api = JsonMapper.builder().build().readTree(site.get("/api/v1/search?q=" + word + "&language=en").body());
        assertThat(api.path("total").asLong()).isZero();
    }

    @Test
    void everyLanguageUnlessOneIsChosenNarrowedByStatus() {
        var word = unique();
        long draft = fixtures.story().in(UK, "Чернетка " + word).draft();
        long live = fixtures.story().in(UK, "Новина " + word).published();
        relay.drain();
        var editor = staff.member(Role.EDITOR).signIn(port);   // an English newsroom

        var everywhere = editor.get("/newsroom/search?q=" + word).body();
        assertThat(everywhere).as("every language unless one is chosen").contains(
                "2 stories found for “" + word + "” (all languages).", "<option value=\"\" selected>All languages</option>",
                "/newsroom/stories/" + draft + "\"", "/newsroom/stories/" + live + "\"");
        var english = editor.get("/newsroom/search?q=" + word + "&lang=en").body();
        assertThat(english).contains("Nothing was found for “" + word + "” (English).", "How to search",
                "<option value=\"en\" selected>English</option>",
                "href=\"/newsroom/search?q=" + word + "&amp;lang=uk\">Українська</a>",
                "href=\"/newsroom/search?q=" + word + "\">All languages</a>");
        assertThat(HtmlValidator.errors(english)).isEmpty();

        var ukrainian = editor.get("/newsroom/search?q=" + word + "&lang=uk").body();
        assertThat(ukrainian).contains("2 stories found", "/newsroom/stories/" + draft + "\"", "/newsroom/stories/" + live + "\"",
                "<span class=\"badge done\">live</span>", "published <time");
        var published = editor.get("/newsroom/search?q=" + word + "&lang=uk&status=PUBLISHED&sort=date").body();
        assertThat(published).contains("1 story found", "/newsroom/stories/" + live + "\"",
                "<option value=\"PUBLISHED\" selected>published</option>", "<option value=\"date\" selected>Newest first</option>")
                .doesNotContain("/newsroom/stories/" + draft + "\"");

        var unknown = editor.get("/newsroom/search?q=" + word + "&lang=de&status=LOST&sort=random&page=-3");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).as("unknown values fall back to the defaults").contains("(all languages)",
                "<option value=\"\" selected>All languages</option>",
                "<option value=\"relevance\" selected>Most relevant</option>").doesNotContain("LOST", "random");
    }

    @Test
    void resultsArePagedAndAPagePastTheEndShowsTheLastOne() {
        var word = unique();
        for (int i = 0; i < 12; i++) {
            fixtures.story().in(EN, "Budget line " + i + " " + word).draft();
        }
        relay.drain();
        var editor = staff.member(Role.EDITOR).signIn(port);

        var first = editor.get("/newsroom/search?q=" + word + "&lang=en").body();
        assertThat(first).contains("12 stories found", "Page 1 of 2",
                "href=\"/newsroom/search?q=" + word + "&amp;lang=en&amp;page=2\" rel=\"next\"");
        var beyond = editor.get("/newsroom/search?q=" + word + "&lang=en&page=40");
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(beyond.body()).contains("12 stories found", "Page 2 of 2", "rel=\"prev\"");
        assertThat(HtmlValidator.errors(beyond.body())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?q=", "?q=%3F%21%2A", "?q=zzqqxxvvw&lang=ru", "?q=%22%22%22&lang=uk"})
    void emptyAndNonsenseQueriesGiveAHelpfulValidPage(String query) {
        var page = staff.member(Role.TRANSLATOR).signIn(port).get("/newsroom/search" + query);
        assertThat(page.statusCode()).as(query).isEqualTo(200);
        assertThat(page.body()).as(query).contains("How to search", "id=\"search-q\"");
        assertThat(HtmlValidator.errors(page.body())).as(query).isEmpty();
    }

    @Test
    void aHugeQueryIsCutAndSaidToBe() {
        var page = staff.member(Role.CONTRIBUTOR).signIn(port).get("/newsroom/search?q=" + "harbour+".repeat(400));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your query was too long");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
    }

    @Test
    void typedTextAndStoryTextAreEscaped() {
        var word = unique();
        fixtures.story().in(EN, "<script>alert(1)</script> " + word).draft();
        relay.drain();
        var editor = staff.member(Role.EDITOR).signIn(port);

        var found = editor.get("/newsroom/search?q=" + word + "&lang=en").body();
        assertThat(found).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>" + word);
        var typed = "\"><script>alert(2)</script>";
        var echoed = editor.get("/newsroom/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).body();
        assertThat(echoed).doesNotContain("<script>alert(2)").contains("value=\"&#34;>&lt;script>alert(2)&lt;/script>\"");
    }

    @Test
    void everyNewsroomPageHasTheSearchBoxAndAnonymousVisitorsAreSentToSignIn() {
        var desk = staff.member(Role.TRANSLATOR).signIn(port).get("/newsroom/stories").body();
        assertThat(desk).contains("<form method=\"get\" action=\"/newsroom/search\" class=\"nr-search\" role=\"search\"");

        var anonymous = new NewsroomClient(port).get("/newsroom/search?q=harbour");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login"));
    }

    /** A made-up word that no other story contains. */
    private static String unique() {
        return "q" + Fixtures.unique("w").substring(2).replace("-", "");
    }
}
