package org.masthead.support;

import java.time.Instant;
import java.util.List;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox's committed events as consumers receive them, read from the table, for tests that check events. */
@TestComponent
public class CommittedEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CommittedEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<OutboxEvent> events() {
        return jdbc.sql("select id, type, payload, created_at from outbox_event order by id")
                .query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getString("type"), rs.getString("payload"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), json))
                .list();
    }
}
