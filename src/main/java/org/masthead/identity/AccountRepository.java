package org.masthead.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String ACTIVE = "ACTIVE";
    private static final String DISABLED = "DISABLED";

    /** Accounts with the time until which failed sign-ins under their name make tries wait. */
    private static final String ACCOUNTS = """
            select a.*, t.blocked_until as delayed_until from account a
              left join sign_in_throttle t on t.subject = 'account:' || lower(a.username)""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewAccount account, String passwordHash, Instant now) {
        return jdbc.sql("""
                insert into account (username, display_name, password_hash, roles, status, ui_language, created_at,
                    password_changed_at)
                values (:username, :name, :hash, :roles, 'ACTIVE', :lang, :now, :now) returning id""")
                .param("username", account.username()).param("name", account.displayName())
                .param("hash", passwordHash).param("roles", Role.encode(account.roles()))
                .param("lang", account.uiLanguage().code()).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    int count() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    Optional<NewsroomUser> user(String username) {
        return jdbc.sql("select * from account where username = :u").param("u", username)
                .query((rs, n) -> user(rs)).optional();
    }

    Optional<Account> find(long id) {
        return jdbc.sql(ACCOUNTS + " where a.id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
    }

    Optional<Account> find(String username) {
        return jdbc.sql(ACCOUNTS + " where a.username = :u").param("u", username)
                .query((rs, n) -> account(rs)).optional();
    }

    List<Account> all() {
        return jdbc.sql(ACCOUNTS + " order by a.username").query((rs, n) -> account(rs)).list();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from account where username = :u").param("u", username)
                .query(String.class).optional();
    }

    /** Sets a new password and ends every session signed in with the old one (see {@link AccountRefresh}). */
    void setPassword(long id, String hash, Instant now) {
        jdbc.sql("""
                update account set password_hash = :hash, password_changed_at = :now,
                       session_version = session_version + 1 where id = :id""")
                .param("hash", hash).param("now", now.toEpochMilli()).param("id", id).update();
    }

    void setRoles(long id, Set<Role> roles) {
        jdbc.sql("update account set roles = :roles where id = :id")
                .param("roles", Role.encode(roles)).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account set status = :status where id = :id")
                .param("status", enabled ? ACTIVE : DISABLED).param("id", id).update();
    }

    void setLanguage(long id, Language language) {
        jdbc.sql("update account set ui_language = :lang where id = :id")
                .param("lang", language.code()).param("id", id).update();
    }

    private static NewsroomUser user(ResultSet rs) throws SQLException {
        return new NewsroomUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.decode(rs.getString("roles")), ACTIVE.equals(rs.getString("status")),
                language(rs.getString("ui_language")), rs.getInt("session_version"), rs.getString("password_hash"));
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.decode(rs.getString("roles")), ACTIVE.equals(rs.getString("status")),
                language(rs.getString("ui_language")), delayedUntil(rs), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static @Nullable Instant delayedUntil(ResultSet rs) throws SQLException {
        long millis = rs.getLong("delayed_until");
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Language language(String code) {
        return Language.fromCode(code).orElse(Language.UK);
    }
}
