package org.masthead.distribution;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(URI url, String secret, Set<WebhookEvent> events, String description, Instant now) {
        return jdbc.sql("""
                insert into webhook (url, secret, events, status, description, created_at)
                values (:url, :secret, :events, 'ACTIVE', :description, :now) returning id""")
                .param("url", url.toString()).param("secret", secret).param("events", events(events))
                .param("description", description).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    List<Webhook> all() {
        return jdbc.sql("select * from webhook order by id").query(WebhookRepository::webhook).list();
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql("select * from webhook where id = :id").param("id", id).query(WebhookRepository::webhook)
                .optional();
    }

    /** Active webhooks subscribed to {@code event}, with their secrets, for the dispatcher. */
    List<Long> subscribers(WebhookEvent event) {
        return jdbc.sql("select id, events from webhook where status = 'ACTIVE' order by id")
                .query((rs, n) -> parseEvents(rs.getString("events")).contains(event) ? rs.getLong("id") : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    Optional<String> secret(long webhookId) {
        return jdbc.sql("select secret from webhook where id = :id").param("id", webhookId).query(String.class)
                .optional();
    }

    boolean setActive(long id, boolean active) {
        return jdbc.sql("update webhook set status = :status where id = :id")
                .param("status", active ? "ACTIVE" : "DISABLED").param("id", id).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from webhook where id = :id").param("id", id).update() == 1;
    }

    /** Creates the delivery unless this webhook already has one for this outbox event. */
    void insertDelivery(String id, long webhookId, long outboxEventId, WebhookEvent event, String payload,
            Instant now) {
        jdbc.sql("""
                insert into webhook_delivery (id, webhook_id, outbox_event_id, event, payload, status, attempts,
                    next_attempt_at, created_at)
                values (:id, :webhook, :outboxEvent, :event, :payload, 'PENDING', 0, :now, :now)
                on conflict (webhook_id, outbox_event_id) do nothing""")
                .param("id", id).param("webhook", webhookId).param("outboxEvent", outboxEventId)
                .param("event", event.wireName()).param("payload", payload).param("now", now.toEpochMilli())
                .update();
    }

    /** Pending deliveries whose time has come and that no node holds, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from webhook_delivery
                 where status = 'PENDING' and next_attempt_at <= :now and (locked_until is null or locked_until < :now)
                 order by next_attempt_at, created_at limit :limit""")
                .param("now", now.toEpochMilli()).param("limit", limit)
                .query(String.class).list();
    }

    /** Takes a delivery for sending until {@code until}; false when another node took it first. */
    boolean claim(String id, Instant now, Instant until) {
        return jdbc.sql("""
                update webhook_delivery set locked_until = :until
                 where id = :id and status = 'PENDING' and (locked_until is null or locked_until < :now)""")
                .param("id", id).param("now", now.toEpochMilli()).param("until", until.toEpochMilli())
                .update() == 1;
    }

    /** What the sender needs: where to, the body and the secret that signs it. */
    record Outgoing(String id, long webhookId, String url, String secret, String payload, int attempts) {
    }

    Optional<Outgoing> outgoing(String id) {
        return jdbc.sql("""
                select d.id, d.webhook_id, w.url, w.secret, d.payload, d.attempts
                  from webhook_delivery d join webhook w on w.id = d.webhook_id
                 where d.id = :id and d.status = 'PENDING' and w.status = 'ACTIVE'""")
                .param("id", id)
                .query((rs, n) -> new Outgoing(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .optional();
    }

    /** Records one attempt and moves the delivery on: delivered, failed for good, or due again later. */
    void recordAttempt(String id, int number, Instant at, @Nullable Integer statusCode, @Nullable String error,
            long durationMillis, WebhookDelivery.Status status, Instant nextAttemptAt) {
        var shortError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, number, attempted_at, status_code, error, duration_ms)
                values (:id, :number, :at, :code, :error, :duration)
                on conflict (delivery_id, number) do nothing""")
                .param("id", id).param("number", number).param("at", at.toEpochMilli()).param("code", statusCode)
                .param("error", shortError).param("duration", durationMillis).update();
        jdbc.sql("""
                update webhook_delivery set status = :status, attempts = :number, next_attempt_at = :next,
                       locked_until = null, last_status = :code, last_error = :error,
                       delivered_at = :delivered
                 where id = :id""")
                .param("id", id).param("status", status.name()).param("number", number)
                .param("next", nextAttemptAt.toEpochMilli()).param("code", statusCode).param("error", shortError)
                .param("delivered", status == WebhookDelivery.Status.DELIVERED ? at.toEpochMilli() : null)
                .update();
    }

    /** Sends a delivery that had failed for good once more, soon, keeping its id. */
    boolean retry(String id, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = :now, locked_until = null
                 where id = :id and status = 'FAILED'""")
                .param("id", id).param("now", now.toEpochMilli()).update() == 1;
    }

    List<WebhookDelivery> deliveries(long webhookId, int limit) {
        var deliveries = jdbc.sql("""
                select * from webhook_delivery where webhook_id = :webhook
                 order by created_at desc, outbox_event_id desc limit :limit""")
                .param("webhook", webhookId).param("limit", limit)
                .query((rs, n) -> delivery(rs, List.of())).list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        var attempts = jdbc.sql("""
                select * from webhook_attempt where delivery_id in (:ids) order by delivery_id, number""")
                .param("ids", deliveries.stream().map(WebhookDelivery::id).toList())
                .query((rs, n) -> java.util.Map.entry(rs.getString("delivery_id"), attempt(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(java.util.Map.Entry::getKey,
                        Collectors.mapping(java.util.Map.Entry::getValue, Collectors.toList())));
        return deliveries.stream().map(d -> new WebhookDelivery(d.id(), d.webhookId(), d.event(), d.payload(),
                d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.createdAt(),
                d.deliveredAt(), attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private static WebhookDelivery delivery(ResultSet rs, List<WebhookDelivery.Attempt> log) throws SQLException {
        return new WebhookDelivery(rs.getString("id"), rs.getLong("webhook_id"),
                WebhookEvent.fromWireName(rs.getString("event")).orElseThrow(),
                rs.getString("payload"), WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")), integer(rs, "last_status"),
                rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "delivered_at"), log);
    }

    private static WebhookDelivery.Attempt attempt(ResultSet rs) throws SQLException {
        return new WebhookDelivery.Attempt(rs.getInt("number"), Instant.ofEpochMilli(rs.getLong("attempted_at")),
                integer(rs, "status_code"), rs.getString("error"), rs.getLong("duration_ms"));
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong("id"), URI.create(rs.getString("url")), parseEvents(rs.getString("events")),
                "ACTIVE".equals(rs.getString("status")), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static String events(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::wireName).collect(Collectors.joining(","));
    }

    private static Set<WebhookEvent> parseEvents(String events) {
        var parsed = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(",")).map(WebhookEvent::fromWireName).flatMap(Optional::stream).forEach(parsed::add);
        return parsed;
    }
}
