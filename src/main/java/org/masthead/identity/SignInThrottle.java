package org.masthead.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing down without letting a stranger lock anyone out. Failed sign-ins are counted
 * in the database (so every node sees them) under two subjects: the client address, which bounds
 * password spraying across names, and the typed username, which bounds guessing one account from many
 * addresses. Unknown names are counted like known ones, so the answers never tell which names exist.
 * A try while either subject must wait is refused before any password is checked: it costs no bcrypt.
 */
@Component
class SignInThrottle {

    private static final int MAX_SUBJECT = 200;

    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long a try from {@code address} for {@code username} must still wait; empty when it may go ahead. */
    @Transactional(readOnly = true)
    public Optional<Duration> wait(String address, String username) {
        long now = clock.millis();
        long until = jdbc.sql("select coalesce(max(blocked_until), 0) from sign_in_throttle where subject in (:a, :u)")
                .param("a", address(address)).param("u", account(username)).query(Long.class).single();
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    @Transactional
    public void failed(String address, String username) {
        count(address(address), properties.addressFreeFailures(), properties.addressMaxDelay());
        count(account(username), properties.accountFreeFailures(), properties.accountMaxDelay());
    }

    /** The right password: the name's count starts again; the address keeps its count, which only time clears. */
    @Transactional
    public void succeeded(String username) {
        jdbc.sql("delete from sign_in_throttle where subject = :u").param("u", account(username)).update();
    }

    private void count(String subject, int free, Duration maxDelay) {
        long now = clock.millis();
        long forgotten = now - properties.forgetAfter().toMillis();
        int failures = jdbc.sql("select failures, last_failure_at from sign_in_throttle where subject = :s")
                .param("s", subject)
                .query((rs, n) -> rs.getLong(2) < forgotten ? 0 : rs.getInt(1)).optional().orElse(0) + 1;
        long until = now + delay(failures, free, maxDelay).toMillis();
        jdbc.sql("""
                insert into sign_in_throttle (subject, failures, last_failure_at, blocked_until)
                values (:s, :f, :now, :until)
                on conflict (subject) do update set failures = excluded.failures,
                       last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until""")
                .param("s", subject).param("f", failures).param("now", now).param("until", until).update();
    }

    /** No wait for the free failures, then the first delay, doubling with each failure, up to the cap. */
    Duration delay(int failures, int free, Duration maxDelay) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        var delay = properties.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Forgets counts nobody has added to for a while, so the table holds only recent failures. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public int forgetOld() {
        return jdbc.sql("delete from sign_in_throttle where last_failure_at < :before and blocked_until < :now")
                .param("before", clock.millis() - properties.forgetAfter().toMillis()).param("now", clock.millis())
                .update();
    }

    private static String address(String address) {
        return cut("address:" + address);
    }

    private static String account(String username) {
        return cut("account:" + username.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String subject) {
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }
}
