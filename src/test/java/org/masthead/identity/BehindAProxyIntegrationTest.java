package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Masthead behind a TLS-terminating reverse proxy on this machine (the trusted proxy by default): the
 * proxy's forwarded headers decide the client address and scheme, the metrics stay for unproxied local
 * requests only, and requests that came over TLS get HSTS and a Secure session cookie.
 */
@MastheadTest
class BehindAProxyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private HttpResponse<String> get(String path, String... headers) {
        return new SiteClient(port).get(path, headers);
    }

    @Test
    void metricsAnswerOnlyUnproxiedRequestsFromThisMachine() {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        // a proxy on this machine relaying the world, however the client dressed its request up
        for (var forwarded : List.of(
                new String[] {"X-Forwarded-For", "203.0.113.9"},
                new String[] {"X-Forwarded-For", "127.0.0.1"},
                new String[] {"X-Forwarded-For", "127.0.0.1, 127.0.0.1"},
                new String[] {"Forwarded", "for=127.0.0.1"},
                new String[] {"X-Real-IP", "127.0.0.1"})) {
            var response = get("/actuator/prometheus", forwarded);
            assertThat(response.statusCode()).as(String.join(": ", forwarded)).isIn(401, 403);
            assertThat(response.body()).doesNotContain("jvm_memory");
        }
        assertThat(get("/actuator/health/readiness", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(200);
    }

    @Test
    void requestsThatCameOverTlsGetHstsAndPlainOnesDoNot() {
        for (var path : List.of("/en/", "/newsroom/login", "/api/v1/sections", "/no-such-page")) {
            var overTls = get(path, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.10");
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
            assertThat(get(path).headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverTls() {
        var member = new Staff(accounts).member(Role.EDITOR);
        var plain = new NewsroomClient(port);
        var plainPage = plain.get("/newsroom/login");
        assertThat(plainPage.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));

        var overTls = new NewsroomClient(port);
        var tlsPage = overTls.send(HttpRequest.newBuilder(overTls.uri("/newsroom/login"))
                .header("X-Forwarded-Proto", "https"));
        assertThat(tlsPage.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(member).isNotNull();
    }

    @Test
    void missingPagesAreKeptBrieflyAndSeparatelyForJsonAndHtml() {
        for (var path : List.of("/en/no-such-section/", "/en/world/no-such-story-999999999", "/nothing-here")) {
            for (var accept : List.of("text/html", "application/json")) {
                var response = get(path, "Accept", accept);
                assertThat(response.statusCode()).as(path).isIn(404, 410);
                assertThat(response.headers().allValues("Vary")).as(path)
                        .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept"));
                var cacheControl = response.headers().firstValue("Cache-Control").orElse("");
                var maxAge = cacheControl.replaceAll(".*max-age=(\\d+).*", "$1");
                assertThat(Integer.parseInt(maxAge.isEmpty() || !maxAge.matches("\\d+") ? "0" : maxAge))
                        .as(path + " " + cacheControl).isLessThanOrEqualTo(10);
            }
        }
    }
}
