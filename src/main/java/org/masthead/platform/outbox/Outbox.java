package org.masthead.platform.outbox;

import org.masthead.platform.db.SqlDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events inside the caller's transaction: the change and the news of the change commit
 * together or not at all. Consumers see them after commit through {@link OutboxRelay}.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SqlDialect dialect;
    private final Clock clock;
    /** Absent where a command only writes events for the running application to consume (the archive import). */
    private final ObjectProvider<OutboxRelay> relay;

    Outbox(JdbcClient jdbc, JsonMapper json, SqlDialect dialect, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.dialect = dialect;
        this.clock = clock;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Object event) {
        // concurrent writers then commit their events in id order, so a consumer whose cursor has
        // passed an id never sees a smaller one appear later
        var lock = dialect.transactionLock();
        if (!lock.isEmpty()) {
            jdbc.sql(lock).param("space", SqlDialect.LockSpace.OUTBOX.ordinal()).param("key", 0).query().singleRow();
        }
        jdbc.sql("insert into outbox_event (type, payload, created_at) values (:type, :payload, :at)")
                .param("type", event.getClass().getSimpleName())
                .param("payload", json.writeValueAsString(event))
                .param("at", clock.millis())
                .update();
        // once per transaction, however many events it appends
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(Wake.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new Wake());
        }
    }

    /** Wakes the consumers, on this node and the others, once the events are committed. */
    private final class Wake implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            relay.ifAvailable(OutboxRelay::committed);
        }
    }
}
