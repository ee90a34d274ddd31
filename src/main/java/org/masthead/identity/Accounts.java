package org.masthead.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.masthead.platform.Language;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts: opening, disabling, re-roling, password resets and changes. Every change an
 * admin makes is written to the {@link AuditLog} in the same transaction. Passwords chosen by
 * Masthead are returned once to be shown once; only their bcrypt hash is stored.
 */
@Service
public class Accounts {

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final int MAX_DISPLAY_NAME = 120;

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AccessTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(AccountRepository repository, PasswordEncoder passwords, AuditLog audit, AccessTokens tokens,
            Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Opens an account with a generated password; returns the account and that password, to show once. */
    @Transactional
    public Created create(NewAccount account, String actor) {
        var username = account.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountRejected("username", "newsroom.users.error.username");
        }
        if (repository.exists(username)) {
            throw new AccountRejected("username", "newsroom.users.error.taken");
        }
        var displayName = account.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw new AccountRejected("displayName", "newsroom.users.error.display-name");
        }
        if (account.roles().isEmpty()) {
            throw new AccountRejected("roles", "newsroom.users.error.roles");
        }
        var password = generatePassword();
        long id = repository.insert(new NewAccount(username, displayName, account.roles(), account.uiLanguage()),
                passwords.encode(password), clock.instant());
        audit.record(actor, "user.create", username, "roles=" + Role.encode(account.roles()));
        return new Created(repository.find(id).orElseThrow(), password);
    }

    /** A new account and its generated password, which is shown once and never stored in clear. */
    public record Created(Account account, String password) {
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return repository.find(username);
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return repository.count() > 0;
    }

    @Transactional
    public void setRoles(long id, Set<Role> roles, String actor) {
        var account = repository.find(id).orElseThrow(() -> new AccountRejected("id", "newsroom.users.error.missing"));
        if (roles.isEmpty()) {
            throw new AccountRejected("roles", "newsroom.users.error.roles");
        }
        if (account.username().equals(actor) && !roles.contains(Role.ADMIN)) {
            // an admin who removed their own admin role could lock everyone out of account management
            throw new AccountRejected("roles", "newsroom.users.error.own-admin");
        }
        repository.setRoles(id, roles);
        audit.record(actor, "user.roles", account.username(),
                Role.encode(account.roles()) + " -> " + Role.encode(EnumSet.copyOf(roles)));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, String actor) {
        var account = repository.find(id).orElseThrow(() -> new AccountRejected("id", "newsroom.users.error.missing"));
        if (!enabled && account.username().equals(actor)) {
            throw new AccountRejected("enabled", "newsroom.users.error.own-disable");
        }
        repository.setEnabled(id, enabled);
        audit.record(actor, enabled ? "user.enable" : "user.disable", account.username(), "");
    }

    /**
     * Replaces the password with a generated one and returns it, to be handed to its owner once. A reset
     * assumes the account may be in someone else's hands: every session of it ends and every access
     * token of it is revoked.
     */
    @Transactional
    public String resetPassword(long id, String actor) {
        var account = repository.find(id).orElseThrow(() -> new AccountRejected("id", "newsroom.users.error.missing"));
        var password = generatePassword();
        repository.setPassword(id, passwords.encode(password), clock.instant());
        int revoked = tokens.revokeAll(id, actor);
        audit.record(actor, "user.password-reset", account.username(), revoked == 0 ? "" : revoked + " tokens revoked");
        return password;
    }

    /**
     * The owner changes their own password, proving they know the current one. Every other session of the
     * account ends; the caller keeps the one it acts in with {@link NewsroomSessions#renew}.
     */
    @Transactional
    public void changePassword(String username, String current, String next) {
        var hash = repository.passwordHash(username).orElseThrow(() -> new AccountRejected("current", "newsroom.password.error.current"));
        if (!passwords.matches(current, hash)) {
            throw new AccountRejected("current", "newsroom.password.error.current");
        }
        requireAcceptable(next);
        var account = repository.find(username).orElseThrow();
        repository.setPassword(account.id(), passwords.encode(next), clock.instant());
        audit.record(username, "user.password-change", username, "");
    }

    @Transactional
    public void setLanguage(String username, Language language) {
        repository.find(username).ifPresent(account -> repository.setLanguage(account.id(), language));
    }

    static void requireAcceptable(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new AccountRejected("next", "newsroom.password.error.short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountRejected("next", "newsroom.password.error.long");
        }
    }

    /** 120 random bits, URL-safe: easy to copy, impossible to guess. */
    private String generatePassword() {
        var bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
