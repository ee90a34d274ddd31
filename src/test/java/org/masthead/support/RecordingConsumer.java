package org.masthead.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.boot.test.context.TestComponent;

/** An outbox consumer that remembers what it was handed, for tests that check events. */
@TestComponent
public class RecordingConsumer implements OutboxConsumer {

    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test-recorder";
    }

    @Override
    public void handle(OutboxEvent event) {
        events.add(event);
    }

    public List<OutboxEvent> events() {
        return List.copyOf(events);
    }
}
