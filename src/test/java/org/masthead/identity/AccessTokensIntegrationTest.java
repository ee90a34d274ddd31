package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens on the account page: made and shown once, stored hashed, revoked by their holder or an admin. */
@MastheadTest
class AccessTokensIntegrationTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    @Test
    void aTokenIsShownOnceStoredHashedAndListedWithItsScopes() {
        var member = new Staff(accounts).member(Role.CONTRIBUTOR);
        var client = member.signIn(port);
        var token = Tokens.issue(client, "Wire <feed>", "read", "write");
        assertThat(token).startsWith("mh_").hasSize(3 + 43);

        var hashes = jdbc.sql("select t.token_hash from access_token t join account a on a.id = t.account_id where a.username = :u")
                .param("u", member.username()).query(String.class).list();
        assertThat(hashes).containsExactly(AccessTokens.hash(token));

        var page = client.get("/newsroom/account");
        assertThat(page.body()).doesNotContain(token).contains("Wire &lt;feed&gt;", "read, write").doesNotContain("<feed>");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
        var shown = client.post("/newsroom/account/tokens", List.of(Map.entry("name", "Second"), Map.entry("scopes", "publish")));
        assertThat(HtmlValidator.errors(shown.body())).isEmpty();
        assertThat(audit.recent("token.create", member.username(), 5)).hasSize(2);
    }

    @Test
    void aRefusedTokenFormKeepsWhatWasTypedAndSaysWhy() {
        var client = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
        client.get("/newsroom/account");
        var noScope = client.post("/newsroom/account/tokens", List.of(Map.entry("name", "Kept name")));
        assertThat(noScope.statusCode()).isEqualTo(422);
        assertThat(noScope.body()).contains("value=\"Kept name\"", "id=\"scopes-error\"", "Choose at least one scope.");
        assertThat(HtmlValidator.errors(noScope.body())).isEmpty();
        var noName = client.post("/newsroom/account/tokens", List.of(Map.entry("name", "  "), Map.entry("scopes", "read")));
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("id=\"name-error\"").containsPattern("value=\"read\" checked");
        var noCsrf = client.post("/newsroom/account/tokens",
                List.of(Map.entry("_csrf", "forged"), Map.entry("name", "x"), Map.entry("scopes", "read")));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void holdersRevokeTheirOwnTokensAndAdminsAnyonesButNobodyElseCan() {
        var staff = new Staff(accounts);
        var owner = staff.member(Role.EDITOR);
        var ownerClient = owner.signIn(port);
        Tokens.issue(ownerClient, "First", "read");
        Tokens.issue(ownerClient, "Second", "read");
        var ids = ids(ownerClient.get("/newsroom/account").body());
        assertThat(ids).hasSize(2);

        var stranger = staff.member(Role.EDITOR).signIn(port);
        stranger.get("/newsroom/account");
        assertThat(stranger.post("/newsroom/account/tokens/" + ids.get(0) + "/revoke", Map.of()).statusCode()).isEqualTo(404);

        assertThat(ownerClient.post("/newsroom/account/tokens/" + ids.get(0) + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        var admin = staff.member(Role.ADMIN).signIn(port);
        var adminPage = admin.get("/newsroom/account").body();
        assertThat(adminPage).contains(owner.username()).contains("/newsroom/account/tokens/" + ids.get(1) + "/revoke")
                .doesNotContain("/newsroom/account/tokens/" + ids.get(0) + "/revoke");
        assertThat(HtmlValidator.errors(adminPage)).isEmpty();
        assertThat(admin.post("/newsroom/account/tokens/" + ids.get(1) + "/revoke", Map.of()).statusCode()).isEqualTo(302);

        assertThat(ids(ownerClient.get("/newsroom/account").body())).isEmpty();
        assertThat(jdbc.sql("select count(*) from access_token where id in (:ids) and revoked_at is not null")
                .param("ids", ids).query(Integer.class).single()).isEqualTo(2);
        assertThat(audit.recent("token.revoke", null, 50)).extracting(AuditEntry::subject)
                .contains("token " + ids.get(0), "token " + ids.get(1));
    }

    private static List<Long> ids(String page) {
        return Pattern.compile("/newsroom/account/tokens/(\\d+)/revoke").matcher(page).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }
}
