package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in tries slow down per client address and per typed name, in the database, with the same answers
 * for names that exist and names that do not. Each test signs in "from" its own documentation address
 * (X-Forwarded-For through the trusted proxy on this machine), so their counts never meet.
 */
@MastheadTest
class SignInThrottleIntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static String anAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    @Test
    void aStrangerGuessingANameMakesItsTriesWaitBrieflyNeverLocksIt() {
        var owner = new Staff(accounts).member(Role.ADMIN);
        var stranger = new NewsroomClient(port, anAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(location(stranger.signIn(owner.username(), "guess " + i))).endsWith("/newsroom/login?error");
        }
        stranger.signIn(owner.username(), "guess 6");   // the sixth failure: tries for the name wait from now

        // the owner, elsewhere, with the right password: asked to wait a moment, with no password check
        var owner429 = new NewsroomClient(port, anAddress()).signIn(owner.username(), owner.password());
        assertThat(owner429.statusCode()).isEqualTo(429);
        var retryAfter = Long.parseLong(owner429.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(owner429.body()).contains("id=\"login-error\"", "value=\"" + owner.username() + "\"");

        // the wait runs out by itself (here: as if its time had passed) and the right password works again
        jdbc.sql("update sign_in_throttle set blocked_until = 0 where subject = :s")
                .param("s", "account:" + owner.username()).update();
        assertThat(NewsroomClient.signedInOrEmpty(port, owner.username(), owner.password())).isPresent();
        assertThat(accounts.find(owner.username()).orElseThrow().signInsDelayedUntil()).isNull();
    }

    @Test
    void unknownAndKnownNamesGetTheSameAnswers() {
        var known = new Staff(accounts).member(Role.EDITOR).username();
        var unknown = Fixtures.unique("nobody").toLowerCase(java.util.Locale.ROOT);
        var forKnown = new NewsroomClient(port, anAddress());
        var forUnknown = new NewsroomClient(port, anAddress());
        for (int i = 0; i < 7; i++) {
            var a = forKnown.signIn(known, "wrong " + i);
            var b = forUnknown.signIn(unknown, "wrong " + i);
            assertThat(a.statusCode()).as("try " + i).isEqualTo(b.statusCode());
            assertThat(a.headers().firstValue("Location")).isEqualTo(b.headers().firstValue("Location"));
            assertThat(a.headers().firstValue("Retry-After").isPresent())
                    .isEqualTo(b.headers().firstValue("Retry-After").isPresent());
            assertThat(strip(a.body(), known)).isEqualTo(strip(b.body(), unknown));
        }
        assertThat(forKnown.signIn(known, "wrong again").statusCode()).isEqualTo(429);
        assertThat(forUnknown.signIn(unknown, "wrong again").statusCode()).isEqualTo(429);
    }

    @Test
    void oneAddressSprayingManyNamesIsSlowedDownAndOthersAreNot() {
        var sprayer = new NewsroomClient(port, anAddress());
        for (int i = 0; i < 11; i++) {
            sprayer.signIn(Fixtures.unique("spray"), "Password1!");
        }
        var member = new Staff(accounts).member(Role.CONTRIBUTOR);
        assertThat(sprayer.signIn(member.username(), member.password()).statusCode()).isEqualTo(429);
        assertThat(count("address:" + "203.0.113.")).isPositive();
        // the same person from another address is not held back by the sprayer
        var elsewhere = new NewsroomClient(port, anAddress()).signIn(member.username(), member.password());
        assertThat(location(elsewhere)).endsWith("/newsroom");
    }

    @Test
    void aTryThatMustWaitIsNeitherCheckedNorCounted() {
        var member = new Staff(accounts).member(Role.CONTRIBUTOR);
        var client = new NewsroomClient(port, anAddress());
        for (int i = 0; i < 6; i++) {
            client.signIn(member.username(), "wrong " + i);
        }
        int failures = failures("account:" + member.username());
        var waiting = client.signIn(member.username(), member.password());
        assertThat(waiting.statusCode()).isEqualTo(429);
        // the right password did not sign in (not checked) and the refused try added nothing
        assertThat(client.get("/newsroom/account").statusCode()).isEqualTo(302);
        assertThat(failures("account:" + member.username())).isEqualTo(failures);
    }

    @Test
    void anotherNodesCountsAreHonoured() {
        // what another node of the cluster wrote into the shared table holds here too
        var member = new Staff(accounts).member(Role.EDITOR);
        jdbc.sql("insert into sign_in_throttle (subject, failures, last_failure_at, blocked_until) values (:s, 9, :now, :until)")
                .param("s", "account:" + member.username()).param("now", System.currentTimeMillis())
                .param("until", System.currentTimeMillis() + 30_000).update();
        assertThat(new NewsroomClient(port, anAddress()).signIn(member.username(), member.password()).statusCode())
                .isEqualTo(429);
    }

    private int count(String prefix) {
        return jdbc.sql("select count(*) from sign_in_throttle where subject like :p").param("p", prefix + "%")
                .query(Integer.class).single();
    }

    private int failures(String subject) {
        return jdbc.sql("select failures from sign_in_throttle where subject = :s").param("s", subject)
                .query(Integer.class).single();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** A page without what differs by design: the typed name and the CSRF token. */
    private static String strip(String body, String name) {
        return body.replace(name, "NAME").replaceAll("value=\"[0-9a-zA-Z_-]{20,}\"", "value=\"TOKEN\"");
    }
}
