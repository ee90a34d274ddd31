package org.masthead.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A reader of one of Masthead's event streams over real HTTP, as a browser's EventSource reads it: the entries and
 * the banners it has received, each with its event id, in order. Opening it asserts that the stream began.
 */
public final class EventStreamReader implements AutoCloseable {

    /** One event's id (-1 when it had none) and its data. */
    public record Event(long id, String data) {
    }

    private final BlockingQueue<Event> entries = new LinkedBlockingQueue<>();
    public final BlockingQueue<Event> banners = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile boolean closed;

    private EventStreamReader() {
    }

    /** Opens {@code path} on the server at {@code port}, resuming after {@code lastEventId} when there is one. */
    public static EventStreamReader open(int port, String path, @Nullable String lastEventId) throws Exception {
        var events = new EventStreamReader();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(1))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = events.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            events.close();
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("X-Page-Cache")).isEmpty();
        Thread.ofVirtual().start(() -> {
            long id = -1;
            var name = "message";
            var data = new StringBuilder();
            try {
                var lines = response.body().iterator();
                while (!events.closed && lines.hasNext()) {
                    var line = lines.next();
                    if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).strip());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        (name.equals("banner") ? events.banners : events.entries).add(new Event(id, data.toString()));
                        data.setLength(0);
                        name = "message";
                    }
                }
            } catch (UncheckedIOException | IllegalStateException ended) {
                // closed by the test
            }
        });
        return events;
    }

    /** The next entry event, within 10 s. */
    public Event next() throws InterruptedException {
        var event = entries.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    /** The next banner event's data, within 10 s. */
    public String banner() throws InterruptedException {
        var event = banners.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a banner event within 10 s").isNotNull();
        return event.data();
    }

    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
    }
}
