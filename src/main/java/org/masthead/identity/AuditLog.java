package org.masthead.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what and when. Entries are written in the caller's transaction, so an action and its
 * entry commit together: there is no publication without its line in the log.
 */
@Service
public class AuditLog {

    /** Bounds a single entry so that a long detail cannot bloat the table. */
    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("insert into audit_event (at, actor, action, subject, detail) values (:at, :actor, :action, :subject, :detail)")
                .param("at", clock.millis()).param("actor", actor).param("action", action).param("subject", subject)
                .param("detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail)
                .update();
    }

    /** The newest entries first, optionally only those of one action or one actor. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(@Nullable String action, @Nullable String actor, int limit) {
        var sql = new StringBuilder("select id, at, actor, action, subject, detail from audit_event where 1 = 1");
        var params = new HashMap<String, Object>();
        if (action != null && !action.isBlank()) {
            sql.append(" and action = :action");
            params.put("action", action);
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = :actor");
            params.put("actor", actor);
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }

    /** The action names that occur in the log, for the filter of the audit page. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }
}
