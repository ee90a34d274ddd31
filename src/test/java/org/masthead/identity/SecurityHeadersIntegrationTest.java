package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kind of response carries the browser security headers: reader pages, the newsroom, the APIs,
 * feeds and sitemaps, static files, images, errors and the operator endpoints. The content security
 * policy never allows inline script or style. The pages of sections, tags, authors, static pages and
 * settings, their newsroom desks, the first hour's checklist and the rich-text editors are among them.
 */
@MastheadTest
class SecurityHeadersIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        var site = new SiteClient(port);
        var home = site.get("/en/").body();
        var asset = home.replaceAll("(?s).*href=\"(/site/css/[^\"]+)\".*", "$1");
        var story = home.replaceAll("(?s).*?href=\"(/en/[a-z-]+/[a-z0-9-]+-\\d+)\".*", "$1");
        var image = site.get(story).body().replaceAll("(?s).*?src=\"(/media/[^\"]+)\".*", "$1");
        var responses = new ArrayList<HttpResponse<String>>();
        for (var path : List.of("/", "/en/", story, "/en/search?q=energy", "/en/search/suggest?q=en", "/en/feed/rss.xml",
                "/sitemap.xml", "/robots.txt", "/api/v1/stories", "/api/v1/stories/999999999/en", "/api/v1/admin/stories/1",
                "/api/v1/openapi.json", asset, image, "/no-such-page", "/actuator/health", "/newsroom/login",
                "/newsroom/stories", "/internal/search/reindex")) {
            responses.add(site.get(path));
        }
        responses.addAll(moveInReaderPages(site));
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        responses.add(editor.get("/newsroom/stories"));
        responses.add(editor.get("/newsroom/media"));
        responses.add(new NewsroomClient(port).send(HttpRequest.newBuilder(editor.uri("/newsroom/login"))
                .POST(HttpRequest.BodyPublishers.noBody())));
        var admin = new Staff(accounts).member(Role.ADMIN, Role.EDITOR).signIn(port);
        responses.addAll(newsroomDesks(admin, site));

        for (var response : responses) {
            assertSecurityHeaders(response);
        }
    }

    @Test
    void readerAndNewsroomPagesCarryNoInlineScriptOrStyle() {
        var site = new SiteClient(port);
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var pages = new ArrayList<>(List.of(site.get("/en/").body(), site.get("/uk/search?q=енергія").body(),
                editor.get("/newsroom/stories").body(), editor.get("/newsroom/stories/new").body(),
                editor.get("/newsroom/account").body(), new NewsroomClient(port).get("/newsroom/login").body()));
        moveInReaderPages(site).forEach(response -> pages.add(response.body()));
        var admin = new Staff(accounts).member(Role.ADMIN, Role.EDITOR).signIn(port);
        newsroomDesks(admin, site).forEach(response -> pages.add(response.body()));
        pages.forEach(SecurityHeadersIntegrationTest::assertNoInlineScriptOrStyle);
    }

    /** An empty newsroom's home shows the first hour's checklist, under the same headers and policy. */
    @Nested
    @TestPropertySource(properties = {"masthead.demo.enabled=false", "masthead.identity.first-admin=headers"})
    class AnEmptyNewsroom {

        @LocalServerPort
        int emptyPort;

        @Autowired
        Accounts emptyAccounts;

        @Test
        void theFirstHoursChecklistCarriesTheSecurityHeaders() {
            var admin = new Staff(emptyAccounts).member(Role.ADMIN, Role.EDITOR).signIn(emptyPort);
            var home = admin.get("/newsroom/stories");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("class=\"checklist\"", "href=\"/newsroom/admin/settings\"",
                    "href=\"/newsroom/admin/sections\"", "href=\"/newsroom/authors/new\"");
            assertSecurityHeaders(home);
            assertNoInlineScriptOrStyle(home.body());
            // the pages the checklist leads to, while the newsroom is still empty
            for (var path : List.of("/newsroom/admin/settings", "/newsroom/admin/sections", "/newsroom/authors/new",
                    "/newsroom/admin/users", "/newsroom/stories/new")) {
                var page = admin.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertSecurityHeaders(page);
                assertNoInlineScriptOrStyle(page.body());
            }
        }
    }

    /** A section, a tag and an author page with their feeds, a static page, the pages sitemap and the taxonomy API. */
    private static List<HttpResponse<String>> moveInReaderPages(SiteClient site) {
        var home = site.get("/en/").body();
        var paths = new ArrayList<String>();
        for (var pattern : List.of("href=\"(/en/tag/[a-z0-9-]+)\"", "href=\"(/en/author/[a-z0-9-]+)\"")) {
            var found = first(site.get(site.get("/en/").body().replaceAll("(?s).*?href=\"(/en/[a-z-]+/[a-z0-9-]+-\\d+)\".*",
                    "$1")).body() + home, pattern);
            paths.add(found);
            paths.add(found + "/feed/atom.xml");
        }
        var section = first(home, "href=\"(/en/[a-z0-9-]+/)\"");
        paths.add(section);
        paths.add(section + "feed/rss.xml");
        var pagesSitemap = site.get("/sitemaps/pages.xml");
        paths.addAll(List.of(first(pagesSitemap.body(), "<loc>https?://[^/<]+(/en/[a-z0-9-]+)</loc>"),
                first(pagesSitemap.body(), "<loc>https?://[^/<]+(/uk/[a-z0-9-]+)</loc>"), "/api/v1/sections",
                "/api/v1/tags", "/api/v1/authors"));
        var responses = new ArrayList<HttpResponse<String>>(List.of(pagesSitemap));
        for (var path : paths) {
            var response = site.get(path);
            assertThat(response.statusCode()).as(path).isLessThan(400);
            responses.add(response);
        }
        return responses;
    }

    /**
     * The desks of the move-in work (sections, tags, authors, static pages and their body editor, settings)
     * and the rich-text editors: a story version, a translation beside its source, and their history.
     */
    private static List<HttpResponse<String>> newsroomDesks(NewsroomClient admin, SiteClient site) {
        var paths = new ArrayList<>(List.of("/newsroom/admin/sections", "/newsroom/tags", "/newsroom/authors",
                "/newsroom/authors/new", "/newsroom/admin/pages", "/newsroom/admin/pages/new?lang=en",
                "/newsroom/admin/settings", "/newsroom/translations"));
        var desks = new ArrayList<HttpResponse<String>>(List.of(admin.get("/newsroom")));   // a redirect to the desk
        for (var desk : List.of("/newsroom/admin/sections", "/newsroom/tags", "/newsroom/authors", "/newsroom/admin/pages")) {
            var list = admin.get(desk);
            desks.add(list);
            paths.add(first(list.body(), "href=\"(" + Pattern.quote(desk) + "/\\d+)\""));
        }
        var pageId = paths.getLast().replaceAll("\\D", "");
        paths.add("/newsroom/admin/pages/" + pageId + "/en");
        var story = site.get("/en/").body().replaceAll("(?s).*?href=\"/en/[a-z-]+/[a-z0-9-]+-(\\d+)\".*", "$1");
        var overview = admin.get("/newsroom/stories/" + story).body();
        var source = first(overview, "href=\"/newsroom/stories/" + story + "/(uk|en|ru)/edit\"");
        paths.addAll(List.of("/newsroom/stories/" + story, "/newsroom/stories/" + story + "/" + source + "/edit",
                "/newsroom/stories/" + story + "/" + source + "/revisions", "/newsroom/preview/" + story + "/" + source));
        var translations = admin.get("/newsroom/translations/" + story + "/" + (source.equals("en") ? "uk" : "en"));
        desks.add(translations);
        for (var path : paths) {
            var response = admin.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            desks.add(response);
        }
        // the editors are the rich-text ones: the toolbar editor's script and the markup fields are there
        assertThat(desks).anySatisfy(r -> assertThat(r.body()).contains("data-rich"));
        return desks;
    }

    private static String first(String text, String pattern) {
        var matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var what = response.request().uri().getPath() + " (" + response.statusCode() + ")";
        var headers = response.headers();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).isPresent();
        assertThat(headers.firstValue("Permissions-Policy")).as(what)
                .hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
    }

    private static void assertNoInlineScriptOrStyle(String page) {
        if (!page.stripLeading().startsWith("<!DOCTYPE html")) {
            return;   // feeds, sitemaps and JSON: no scripts to run
        }
        // script elements load files (or carry JSON-LD data); no style element or attribute, no handlers
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)")
                .doesNotContainPattern("<style[\\s>]").doesNotContainPattern("\\sstyle=\"")
                .doesNotContainPattern("\\son[a-z]+=\"");
    }
}
