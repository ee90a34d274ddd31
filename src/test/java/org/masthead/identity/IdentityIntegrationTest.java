package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class IdentityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    private Staff staff() {
        return new Staff(accounts);
    }

    @Test
    void sessionIdChangesAtSignIn() {
        var member = staff().member(Role.CONTRIBUTOR);
        var client = new NewsroomClient(port);
        client.get("/newsroom/login");
        var before = client.sessionId().orElseThrow();

        var response = client.signIn(member.username(), member.password());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
        assertThat(client.sessionId()).hasValueSatisfying(after -> assertThat(after).isNotEqualTo(before));
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndNewsroomPagesAreNeverCached() {
        var anonymous = new NewsroomClient(port);
        var account = anonymous.get("/newsroom/account");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login"));

        var login = anonymous.get("/newsroom/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(HtmlValidator.errors(login.body())).isEmpty();

        var signedIn = staff().member(Role.EDITOR).signIn(port).get("/newsroom/account");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(HtmlValidator.errors(signedIn.body())).isEmpty();
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        var client = staff().member(Role.EDITOR).signIn(port);
        var response = client.post("/newsroom/account/language", Map.of("language", "ru", "_csrf", "forged"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void adminOpensAccountWhoseOneTimePasswordWorksAndDisablingSignsItOut() {
        var admin = staff().member(Role.ADMIN).signIn(port);
        admin.get("/newsroom/admin/users");
        var username = "reporter-" + System.nanoTime();
        var created = admin.post("/newsroom/admin/users", List.of(Map.entry("username", username),
                Map.entry("displayName", "A Reporter"), Map.entry("roles", "contributor"), Map.entry("language", "en")));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(created.body())).isEmpty();
        var password = created.body().replaceAll("(?s).*<code class=\"secret\">([^<]+)</code>.*", "$1");

        var reporter = NewsroomClient.signedIn(port, username, password);
        assertThat(reporter.get("/newsroom/account").statusCode()).isEqualTo(200);
        assertThat(reporter.get("/newsroom/admin/users").statusCode()).isEqualTo(403);

        long id = accounts.find(username).orElseThrow().id();
        admin.post("/newsroom/admin/users/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(reporter.get("/newsroom/account").statusCode()).isEqualTo(302);
        assertThat(NewsroomClient.signedInOrEmpty(port, username, password)).isEmpty();
        assertThat(audit.recent("user.disable", null, 50)).anySatisfy(e -> assertThat(e.subject()).isEqualTo(username));
    }

    @Test
    void formKeepsWhatTheAdminTypedAndShowsTheErrorNextToTheField() {
        var admin = staff().member(Role.ADMIN).signIn(port);
        admin.get("/newsroom/admin/users");
        var rejected = admin.post("/newsroom/admin/users", List.of(Map.entry("username", "No Spaces Allowed"),
                Map.entry("displayName", "Kept Name"), Map.entry("roles", "editor")));
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("value=\"No Spaces Allowed\"", "value=\"Kept Name\"", "id=\"username-error\"");
        assertThat(HtmlValidator.errors(rejected.body())).isEmpty();
    }

    @Test
    void roleChangesApplyToTheNextRequest() {
        var admin = staff().member(Role.ADMIN).signIn(port);
        var member = staff().member(Role.CONTRIBUTOR);
        var client = member.signIn(port);
        assertThat(client.get("/newsroom/admin/audit").statusCode()).isEqualTo(403);
        admin.get("/newsroom/admin/users");
        admin.post("/newsroom/admin/users/" + member.id() + "/roles", List.of(Map.entry("roles", "admin")));
        assertThat(client.get("/newsroom/admin/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        var member = staff().member(Role.TRANSLATOR);
        var client = member.signIn(port);
        var wrong = client.post("/newsroom/account/password",
                Map.of("current", "not it at all", "next", "a brand new secret", "repeat", "a brand new secret"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"current-error\"");
        var changed = client.post("/newsroom/account/password",
                Map.of("current", member.password(), "next", "a brand new secret", "repeat", "a brand new secret"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(NewsroomClient.signedInOrEmpty(port, member.username(), "a brand new secret")).isPresent();
    }
}
