package org.masthead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search, the APIs and sign-in answer 429 with Retry-After to a client address that asks too often;
 * other addresses and this machine itself go on. Clients are told apart by the address the trusted
 * proxy on this machine forwards.
 */
@MastheadTest
class RateLimitsIntegrationTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> from(String address, String path) {
        return new SiteClient(port).get(path, "X-Forwarded-For", address);
    }

    @Test
    void oneAddressAskingTooOftenIsToldToWaitAndOthersAreNot() {
        for (var path : new String[] {"/en/search/suggest?q=ki", "/api/v1/stories?limit=1", "/api/v1/search?q=a&language=en"}) {
            var address = "198.51.100." + (path.length() % 200);
            HttpResponse<String> last = null;
            int answered = 0;
            for (int i = 0; i < 400 && (last == null || last.statusCode() != 429); i++) {
                last = from(address, path);
                answered++;
            }
            assertThat(last.statusCode()).as(path).isEqualTo(429);
            assertThat(answered).as(path).isGreaterThan(20);
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(last.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(from("198.51.100.250", path).statusCode()).as(path).isNotEqualTo(429);
            // this machine itself (benchmarks, tools) is never limited
            assertThat(new SiteClient(port).get(path).statusCode()).as(path).isNotEqualTo(429);
        }
        // pages other than search are not limited at all
        for (int i = 0; i < 100; i++) {
            assertThat(from("198.51.100.251", "/en/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void signInFormPostsAreLimitedPerAddress() {
        var client = new NewsroomClient(port, "198.51.100.252");
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            client.get("/newsroom/login");
            var response = client.post("/newsroom/login", java.util.Map.of("username", "nobody-" + i, "password", "x"));
            status = response.statusCode();
        }
        assertThat(status).isEqualTo(429);
    }
}
