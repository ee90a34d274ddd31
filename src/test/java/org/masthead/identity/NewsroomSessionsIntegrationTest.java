package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.TestDatabase;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Newsroom sessions live in the database, and a changed or reset password ends the others. */
@MastheadTest
class NewsroomSessionsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void changingOnesPasswordEndsEveryOtherSessionAndKeepsThisOne() {
        var member = new Staff(accounts).member(Role.EDITOR);
        var laptop = member.signIn(port);
        var stolen = member.signIn(port);
        var before = laptop.sessionId().orElseThrow();

        var changed = laptop.post("/newsroom/account/password",
                Map.of("current", member.password(), "next", "a fresh long secret", "repeat", "a fresh long secret"));
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(laptop.get("/newsroom/account").statusCode()).isEqualTo(200);
        assertThat(laptop.sessionId()).hasValueSatisfying(id -> assertThat(id).isNotEqualTo(before));
        var refused = stolen.get("/newsroom/account");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login"));
    }

    @Test
    void anAdminResetEndsTheAccountsSessionsAndRevokesItsTokens() {
        var staff = new Staff(accounts);
        var member = staff.member(Role.EDITOR);
        var session = member.signIn(port);
        var token = Tokens.issue(session, "wire", "read");
        var api = new SiteClient(port);
        var withToken = HttpRequest.newBuilder(api.uri("/api/v1/admin/stories/1")).header("Authorization", "Bearer " + token);
        assertThat(api.send(withToken).statusCode()).isNotEqualTo(401);

        var admin = staff.member(Role.ADMIN).signIn(port);
        admin.get("/newsroom/admin/users");
        assertThat(admin.post("/newsroom/admin/users/" + member.id() + "/password", Map.of()).statusCode()).isEqualTo(200);

        assertThat(session.get("/newsroom/account").statusCode()).isEqualTo(302);
        assertThat(api.send(withToken).statusCode()).isEqualTo(401);
        assertThat(admin.get("/newsroom/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionSignedInOnOneNodeIsHonouredByAnotherOnTheSameDatabase() throws Exception {
        var member = new Staff(accounts).member(Role.CONTRIBUTOR);
        var client = member.signIn(port);
        var session = client.sessionId().orElseThrow();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", member.username()).query(Integer.class).single()).isEqualTo(1);

        var ownFiles = Files.createTempDirectory("masthead-second-node-");
        try (var other = new SpringApplicationBuilder(MastheadApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=",
                "--masthead.outbox.poll-interval=1h",
                "--masthead.demo.enabled=false",
                "--masthead.data-dir=" + ownFiles,
                "--" + TestDatabase.REUSE_PROPERTY + "=true")) {
            int otherPort = Integer.parseInt(other.getEnvironment().getRequiredProperty("local.server.port"));
            var onOtherNode = new SiteClient(otherPort).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + otherPort + "/newsroom/account")).header("Cookie", "JSESSIONID=" + session));
            assertThat(onOtherNode.statusCode()).isEqualTo(200);
            assertThat(onOtherNode.body()).contains(member.username());
        }
        // signing out on one node ends the session everywhere
        client.post("/newsroom/logout", Map.of());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", member.username()).query(Integer.class).single()).isZero();
    }
}
