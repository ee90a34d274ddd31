package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of response carries the browser security headers: reader pages, the newsroom, the APIs,
 * feeds and sitemaps, static files, images, errors and the operator endpoints. The content security
 * policy never allows inline script or style.
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
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        responses.add(editor.get("/newsroom/stories"));
        responses.add(editor.get("/newsroom/media"));
        responses.add(new NewsroomClient(port).send(HttpRequest.newBuilder(editor.uri("/newsroom/login"))
                .POST(HttpRequest.BodyPublishers.noBody())));

        for (var response : responses) {
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
    }

    @Test
    void readerAndNewsroomPagesCarryNoInlineScriptOrStyle() {
        var site = new SiteClient(port);
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var pages = List.of(site.get("/en/").body(), site.get("/uk/search?q=енергія").body(),
                editor.get("/newsroom/stories").body(), editor.get("/newsroom/stories/new").body(),
                editor.get("/newsroom/account").body(), new NewsroomClient(port).get("/newsroom/login").body());
        for (var page : pages) {
            // script elements load files (or carry JSON-LD data); no style element or attribute, no handlers
            assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)")
                    .doesNotContainPattern("<style[\\s>]").doesNotContainPattern("\\sstyle=\"")
                    .doesNotContainPattern("\\son[a-z]+=\"");
        }
    }
}
