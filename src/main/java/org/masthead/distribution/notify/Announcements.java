package org.masthead.distribution.notify;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends notifications of changes (WebSub publish pings, IndexNow submissions) without holding up the outbox
 * relay: each is sent on its own virtual thread and its outcome logged and counted in
 * {@code masthead.distribution.notifications{service, outcome}}. They are hints that the receiver may
 * ignore, so a failed one is not retried: the next change announces the same addresses again, and feed
 * readers and crawlers poll anyway.
 */
@Component
class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final MeterRegistry metrics;

    Announcements(MeterRegistry metrics) {
        this.metrics = metrics;
        for (var service : java.util.List.of("websub", "indexnow")) {
            for (var outcome : java.util.List.of("delivered", "failed")) {
                counter(service, outcome);
            }
        }
    }

    private io.micrometer.core.instrument.Counter counter(String service, String outcome) {
        return io.micrometer.core.instrument.Counter.builder("masthead.distribution.notifications")
                .tag("service", service).tag("outcome", outcome)
                .description("WebSub pings and IndexNow submissions by outcome").register(metrics);
    }

    /** POSTs {@code body} to {@code target}; the future completes with the status, or -1 when none came. */
    CompletableFuture<Integer> send(String service, URI target, String contentType, String body, Duration timeout) {
        var request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Masthead")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    int status = response == null ? -1 : response.statusCode();
                    boolean ok = status / 100 == 2;
                    counter(service, ok ? "delivered" : "failed").increment();
                    if (!ok) {
                        log.warn("{} notification to {} failed: {}", service, target.getHost(),
                                error == null ? "status " + status : error.getClass().getSimpleName());
                    }
                    return status;
                });
    }
}
