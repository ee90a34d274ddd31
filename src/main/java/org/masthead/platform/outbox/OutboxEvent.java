package org.masthead.platform.outbox;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/** One committed event as a consumer receives it. {@code type} is the simple name of the event record. */
public record OutboxEvent(long id, String type, String payload, Instant createdAt, JsonMapper json) {

    /** The payload read as {@code type}, for example a module's sealed event interface. */
    public <T> T payload(Class<T> type) {
        return json.readValue(payload, type);
    }
}
