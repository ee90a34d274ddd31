package org.masthead.platform.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** One committed event as a consumer receives it. {@code type} is the simple name of the event record. */
public record OutboxEvent(long id, String type, String payload, Instant createdAt, JsonMapper json) {

    /** The payload read as {@code type}, for example a module's sealed event interface. */
    public <T> T payload(Class<T> type) {
        return json.readValue(payload, type);
    }

    /**
     * The {@link #type} names of events of the given classes, as {@link Outbox#append} writes them: a sealed
     * interface stands for every record it permits (new ones included without a change at the consumer), a
     * record for itself.
     */
    public static Set<String> typesOf(Class<?>... classes) {
        var names = new LinkedHashSet<String>();
        for (var type : classes) {
            add(type, names);
        }
        return Set.copyOf(names);
    }

    private static void add(Class<?> type, Set<String> names) {
        if (type.isSealed()) {
            Arrays.stream(type.getPermittedSubclasses()).forEach(permitted -> add(permitted, names));
        } else {
            names.add(type.getSimpleName());
        }
    }
}
