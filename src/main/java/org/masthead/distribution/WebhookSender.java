package org.masthead.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.masthead.distribution.WebhookDelivery.Status;
import org.masthead.platform.CoalescingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: signed POSTs, retried with exponential backoff until the receiver
 * answers 2xx or the attempts run out. A node takes a delivery with a lease in the database before
 * sending, so two nodes never send it at once; a node that dies mid-send leaves the lease to expire and
 * any node sends it again, with the same delivery id, so the receiver can tell a redelivery. A request
 * connects only to the addresses {@link WebhookTargets} checked for it, never to a second DNS answer.
 */
@Component
class WebhookSender implements ApplicationRunner, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;
    /** Receivers answer with a status; their bodies are not read beyond this. */
    private static final String USER_AGENT = "Masthead-Webhooks/1";

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final DistributionProperties.Webhooks settings;
    private final Clock clock;
    private final CloseableHttpClient http;
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
        var timeout = Timeout.of(settings.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedAddresses(targets))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                        .build())
                .setMaxConnTotal(64).setMaxConnPerRoute(8)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()   // a redirect could lead past the address check
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
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
            URI url = targets.check(outgoing.url());
            long timestamp = started.getEpochSecond();
            var request = new HttpPost(url);
            request.setHeader("webhook-id", outgoing.id());
            request.setHeader("webhook-timestamp", Long.toString(timestamp));
            request.setHeader("webhook-signature", WebhookSignature.sign(outgoing.secret(), outgoing.id(), timestamp,
                    outgoing.payload()));
            request.setEntity(new StringEntity(outgoing.payload(), ContentType.APPLICATION_JSON));
            status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());   // receivers answer with a status; the body is not read
                return response.getCode();
            });
            if (status / 100 != 2) {
                error = "The receiver answered " + status;
            }
        } catch (InvalidWebhook e) {
            error = e.getMessage();
        } catch (WebhookTargets.RefusedAddress e) {
            error = e.getMessage();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                // shutting down mid-request: record nothing, the lease runs out and the delivery is sent again
                return;
            }
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
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
        // the URL's path and query often hold the receiver's token: the log names the host only
        log.warn("Webhook delivery {} attempt {} to {} failed: {}{}", id, number, WebhookTargets.redacted(outgoing.url()),
                error,
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

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** Name resolution for webhook connections: only the checked addresses of a host. */
    private record CheckedAddresses(WebhookTargets targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.addresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
