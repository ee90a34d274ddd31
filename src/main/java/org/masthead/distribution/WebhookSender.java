package org.masthead.distribution;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.masthead.distribution.WebhookDelivery.Status;
import org.masthead.platform.CoalescingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: signed POSTs, retried with exponential backoff until the receiver
 * answers 2xx or the attempts run out. A node takes a delivery with a lease in the database before
 * sending, so two nodes never send it at once; a node that dies mid-send leaves the lease to expire and
 * any node sends it again, with the same delivery id, so the receiver can tell a redelivery.
 */
@Component
class WebhookSender implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;
    /** Receivers answer with a status; their bodies are not read beyond this. */
    private static final String USER_AGENT = "Masthead-Webhooks/1";

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final DistributionProperties.Webhooks settings;
    private final Clock clock;
    private final HttpClient http;
    private final CoalescingWorker pump = new CoalescingWorker("webhook-sender", this::sendDue);
    /** One virtual thread per request in flight; replaced at each start, so a paused context can resume. */
    private volatile ExecutorService requests = newRequestExecutor();
    private volatile boolean running;

    /** Attempts per outcome: delivered, failed and retried later, failed for good. */
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> attempts = new java.util.HashMap<>();

    WebhookSender(WebhookRepository repository, WebhookTargets targets, DistributionProperties properties,
            Clock clock, io.micrometer.core.instrument.MeterRegistry metrics) {
        for (var outcome : java.util.List.of("delivered", "retrying", "failed")) {
            attempts.put(outcome, io.micrometer.core.instrument.Counter.builder("masthead.webhooks.attempts")
                    .tag("outcome", outcome).description("Webhook delivery attempts by outcome").register(metrics));
        }
        this.repository = repository;
        this.targets = targets;
        this.settings = properties.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)   // a redirect could lead past the address check
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Asks for a pass soon on the sender's own thread; cheap to call often. */
    void wake() {
        pump.wake();
    }

    @Scheduled(fixedDelayString = "${masthead.distribution.webhooks.poll-interval:2s}")
    void poll() {
        wake();
    }

    @Override
    public void run(ApplicationArguments args) {
        wake();   // deliveries left pending by the previous run
    }

    /**
     * Sends every delivery that is due now and waits for the attempts to finish; returns how many this
     * node attempted. Tests call it to send synchronously.
     */
    int sendDue() {
        int attempted = 0;
        try {
            while (running) {
                var now = clock.instant();
                var due = repository.due(now, BATCH);
                var sends = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (var id : due) {
                    if (repository.claim(id, now, now.plus(settings.lease()))) {
                        sends.add(requests.submit(() -> attempt(id)));
                    }
                }
                for (var send : sends) {
                    send.get();
                }
                attempted += sends.size();
                if (due.size() < BATCH) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            log.error("Webhook pass failed; pending deliveries stay pending", e);
        }
        return attempted;
    }

    private void attempt(String id) {
        var outgoing = repository.outgoing(id).orElse(null);
        if (outgoing == null) {
            return;   // delivered, failed or its webhook paused or removed since it was listed
        }
        int number = outgoing.attempts() + 1;
        var started = clock.instant();
        long startedNanos = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            var url = targets.check(outgoing.url());
            long timestamp = started.getEpochSecond();
            var request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", outgoing.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(outgoing.secret(), outgoing.id(), timestamp,
                            outgoing.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(outgoing.payload()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "The receiver answered " + status;
            }
        } catch (InvalidWebhook e) {
            error = e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            // shutting down mid-request: record nothing, the lease runs out and the delivery is sent again
            Thread.currentThread().interrupt();
            return;
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (error == null) {
            repository.recordAttempt(id, number, started, status, null, millis, Status.DELIVERED, started);
            attempts.get("delivered").increment();
            return;
        }
        boolean givingUp = number >= settings.maxAttempts();
        attempts.get(givingUp ? "failed" : "retrying").increment();
        var next = givingUp ? started : started.plus(backoff(number));
        repository.recordAttempt(id, number, started, status, error, millis,
                givingUp ? Status.FAILED : Status.PENDING, next);
        log.warn("Webhook delivery {} attempt {} to {} failed: {}{}", id, number, outgoing.url(), error,
                givingUp ? "; giving up" : "; next attempt at " + next);
    }

    /** The wait after failed attempt {@code number}: first-retry, doubling each time, at most max-retry-wait. */
    Duration backoff(int number) {
        var wait = settings.firstRetry();
        for (int i = 1; i < number && wait.compareTo(settings.maxRetryWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    @Override
    public synchronized void start() {
        if (requests.isShutdown()) {
            requests = newRequestExecutor();
        }
        running = true;
        pump.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        requests.shutdownNow();   // requests in flight are cut off, as in a crash; their lease lets another node retry
        pump.stop(Duration.ofSeconds(5));
        try {
            requests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService newRequestExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-request-", 0).factory());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
