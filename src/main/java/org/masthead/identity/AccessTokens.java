package org.masthead.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the admin API. A token is 32 random bytes, shown once when it is made;
 * only its SHA-256 is stored, so a copy of the database opens nothing. A token acts as its account:
 * it never grants more than the account's roles, and stops working when the account is disabled.
 */
@Service
public class AccessTokens {

    /** Every token starts with this, so leaked tokens are easy to recognise in logs and repositories. */
    static final String PREFIX = "mh_";
    static final int MAX_NAME = 80;
    private static final int TOKEN_BYTES = 32;
    private static final String COLUMNS = """
            select t.id, t.account_id, a.username, t.name, t.scopes, t.created_at, t.last_used_at, t.revoked_at
              from access_token t join account a on a.id = t.account_id""";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final AccessTokenProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, AccessTokenProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token and the secret, which is never available again. */
    public record Created(AccessToken token, String secret) {
    }

    /** Makes a token for the signed-in person's own account. */
    @Transactional
    public Created create(NewsroomUser owner, String name, Set<TokenScope> scopes) {
        var cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new AccountRejected("name", "newsroom.tokens.error.name");
        }
        if (scopes.isEmpty()) {
            throw new AccountRejected("scopes", "newsroom.tokens.error.scopes");
        }
        int active = jdbc.sql("select count(*) from access_token where account_id = :a and revoked_at is null")
                .param("a", owner.id()).query(Integer.class).single();
        if (active >= properties.maxPerAccount()) {
            throw new AccountRejected("name", "newsroom.tokens.error.too-many");
        }
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into access_token (account_id, name, scopes, token_hash, created_at)
                values (:a, :name, :scopes, :hash, :now) returning id""")
                .param("a", owner.id()).param("name", cleanName).param("scopes", TokenScope.encode(scopes))
                .param("hash", hash(secret)).param("now", clock.millis()).query(Long.class).single();
        audit.record(owner.username(), "token.create", "token " + id,
                cleanName + " (" + TokenScope.encode(scopes).toLowerCase(java.util.Locale.ROOT) + ")");
        return new Created(find(id).orElseThrow(), secret);
    }

    /**
     * Revokes a token: its holder may revoke their own, an admin anyone's. Revoking twice changes
     * nothing; someone else's token is reported as missing, so its existence is not given away.
     */
    @Transactional
    public void revoke(NewsroomUser actor, long tokenId) {
        var token = find(tokenId).filter(t -> t.accountId() == actor.id() || actor.has(Role.ADMIN))
                .orElseThrow(() -> new AccountRejected("token", "newsroom.tokens.error.missing"));
        if (!token.active()) {
            return;
        }
        jdbc.sql("update access_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", clock.millis()).param("id", tokenId).update();
        audit.record(actor.username(), "token.revoke", "token " + tokenId, token.username() + ": " + token.name());
    }

    /** Revokes every active token of an account (its password was reset); returns how many. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    int revokeAll(long accountId, String actor) {
        int revoked = jdbc.sql("update access_token set revoked_at = :now where account_id = :a and revoked_at is null")
                .param("now", clock.millis()).param("a", accountId).update();
        if (revoked > 0) {
            audit.record(actor, "token.revoke", "account " + accountId, revoked + " tokens (password reset)");
        }
        return revoked;
    }

    /** The account's tokens, active and revoked, newest first. */
    @Transactional(readOnly = true)
    public List<AccessToken> of(long accountId) {
        return jdbc.sql(COLUMNS + " where t.account_id = :a order by t.id desc").param("a", accountId)
                .query((rs, n) -> token(rs)).list();
    }

    /** Every active token of the newsroom, for admins. */
    @Transactional(readOnly = true)
    public List<AccessToken> active() {
        return jdbc.sql(COLUMNS + " where t.revoked_at is null order by a.username, t.id desc")
                .query((rs, n) -> token(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<AccessToken> find(long id) {
        return jdbc.sql(COLUMNS + " where t.id = :id").param("id", id).query((rs, n) -> token(rs)).optional();
    }

    /** What a presented token stands for: its account, fresh from the database, and its scopes. */
    record Holder(long tokenId, NewsroomUser user, Set<TokenScope> scopes) {
    }

    /** The request attribute that holds the id ({@code Long}) of the token an admin API request came with. */
    public static final String PRESENTED = AccessTokens.class.getName() + ".presented";

    /** The id of the token {@code request} was authenticated with; empty for a request without one. */
    public static java.util.OptionalLong presentedBy(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(PRESENTED) instanceof Long id ? java.util.OptionalLong.of(id) : java.util.OptionalLong.empty();
    }

    private record Presented(long id, long accountId, Set<TokenScope> scopes) {
    }

    /**
     * The holder of a presented token, if the token is known, not revoked and its account enabled.
     * "Last used" is written at most once per {@code last-used-precision}, so reads stay cheap.
     */
    @Transactional
    Optional<Holder> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var found = jdbc.sql("select id, account_id, scopes from access_token where token_hash = :h and revoked_at is null")
                .param("h", hash(secret))
                .query((rs, n) -> new Presented(rs.getLong(1), rs.getLong(2), TokenScope.decode(rs.getString(3)))).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long tokenId = found.get().id();
        var user = accounts.find(found.get().accountId()).flatMap(a -> accounts.user(a.username()))
                .filter(NewsroomUser::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        jdbc.sql("update access_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :since)")
                .param("now", now).param("id", tokenId).param("since", now - properties.lastUsedPrecision().toMillis())
                .update();
        user.get().eraseCredentials();
        return Optional.of(new Holder(tokenId, user.get(), found.get().scopes()));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        return new AccessToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"), rs.getString("name"),
                TokenScope.decode(rs.getString("scopes")), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
