package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node dies twice over: with a webhook request in flight, and with a published story whose outbox
 * event no consumer has seen. A second node started on the same database delivers both; the request
 * that was cut off is sent again with the same delivery id and nothing else is sent twice.
 */
class WebhookRestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nothingIsLostAndARedeliveryKeepsItsDeliveryId() {
        try (var receiver = new WebhookReceiver()) {
            receiver.answer(request -> WebhookReceiver.HOLD);   // the first node's requests hang
            var first = start();
            var reuse = new ArrayList<>(List.of("--" + TestDatabase.REUSE_PROPERTY + "=true",
                    "--masthead.data-dir=" + first.getEnvironment().getProperty("masthead.data-dir"),
                    "--spring.datasource.url=" + first.getEnvironment().getProperty("spring.datasource.url")));
            if (TestDatabase.onPostgres()) {
                reuse.add("--spring.datasource.username=");
                reuse.add("--spring.datasource.password=");
            }
            var fixtures = new Fixtures(first.getBean(Stories.class), first.getBean(Taxonomy.class));
            var hook = first.getBean(Webhooks.class).register(new NewWebhook(receiver.url(),
                    EnumSet.of(WebhookEvent.PUBLISHED), "restart test"), "test");

            long inFlight = fixtures.story().in(EN, "Cut off mid-request").published();
            var cutOff = receiver.await(r -> storyOf(r) == inFlight, 1, PATIENCE).getFirst();

            first.getBean(OutboxRelay.class).stop();   // from here on the node commits but never relays
            long unseen = fixtures.story().in(EN, "Committed but never relayed").published();
            first.close();   // the node goes down with one request in flight and one event unseen

            receiver.answer(request -> 200);
            try (var second = start(reuse.toArray(String[]::new))) {
                var again = receiver.await(r -> storyOf(r) == inFlight, 2, PATIENCE);
                var late = receiver.await(r -> storyOf(r) == unseen, 1, PATIENCE);

                assertThat(again).extracting(WebhookReceiver.Received::id).containsOnly(cutOff.id());
                assertThat(again.get(1).body()).isEqualTo(cutOff.body());
                assertThat(late.getFirst().id()).isNotEqualTo(cutOff.id());
                for (var request : List.of(again.get(1), late.getFirst())) {
                    assertThat(request.signature()).isEqualTo(WebhookSignature.sign(hook.secret(), request.id(),
                            Long.parseLong(request.timestamp()), request.body()));
                }
                // the receiver sees a request before the sending thread records the answer
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(second.getBean(Webhooks.class)
                        .deliveries(hook.webhook().id(), 10)).hasSize(2)
                        .allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED)));
                assertThat(second.getBean(WebhookSender.class).sendDue()).isZero();
                second.getBean(OutboxRelay.class).drain();
                assertThat(receiver.received(r -> storyOf(r) == inFlight)).hasSize(2);
                assertThat(receiver.received(r -> storyOf(r) == unseen)).hasSize(1);
            }
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        var settings = new ArrayList<>(List.of("--server.port=0", "--masthead.demo.enabled=false",
                "--masthead.distribution.webhooks.allow-private-targets=true",
                "--masthead.distribution.webhooks.lease=2s",
                "--masthead.distribution.webhooks.poll-interval=200ms",
                "--masthead.outbox.poll-interval=200ms",
                "--spring.main.banner-mode=off"));
        settings.addAll(List.of(arguments));
        return new SpringApplicationBuilder(MastheadApplication.class).run(settings.toArray(String[]::new));
    }

    private static long storyOf(WebhookReceiver.Received request) {
        return JSON.readTree(request.body()).path("data").path("storyId").asLong();
    }
}
