package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.Role;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin screens for webhooks over real HTTP, as a signed-in admin, checked by the Nu Html Checker. */
@MastheadTest
class WebhookAdminIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">(whsec_[A-Za-z0-9+/=]+)</code>");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Webhooks webhooks;
    @Autowired WebhookSender sender;
    @Autowired AuditLog audit;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired org.masthead.platform.outbox.OutboxRelay relay;
    NewsroomClient admin;
    WebhookReceiver receiver;

    @BeforeEach
    void signIn() {
        admin = new Staff(accounts).member(Role.ADMIN).signIn(port);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        webhooks.all().stream().filter(w -> w.url().toString().equals(receiver.url())).forEach(w -> webhooks.remove(w.id(), "test"));
        receiver.close();
    }

    @Test
    void anAdminRegistersAWebhookAndReadsItsDeliveryLog() {
        var page = admin.get("/newsroom/admin/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).isEmpty();

        var registered = admin.post("/newsroom/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("events", "story.published"), Map.entry("events", "story.deleted"),
                Map.entry("description", "Wire partner")));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(registered.body())).isEmpty();
        var secret = SECRET.matcher(registered.body());
        assertThat(secret.find()).as("the secret is shown once").isTrue();
        var hook = webhooks.all().stream().filter(w -> w.url().toString().equals(receiver.url())).findFirst().orElseThrow();
        assertThat(hook.events()).containsExactlyInAnyOrder(WebhookEvent.PUBLISHED, WebhookEvent.DELETED);
        assertThat(admin.get("/newsroom/admin/webhooks").body()).contains(receiver.url(), "Wire partner")
                .doesNotContain(secret.group(1));
        assertThat(audit.recent("webhook.register", null, 5)).anySatisfy(e ->
                assertThat(e.detail()).contains(receiver.url()));

        long id = new Fixtures(stories, taxonomy).story().in(EN, "Sent to the partner").published();
        relay.drain();
        sender.sendDue();
        var request = receiver.await(r -> r.body().contains("\"storyId\":" + id + ","), 1, Duration.ofSeconds(20)).getFirst();
        assertThat(request.signature()).isEqualTo(WebhookSignature.sign(secret.group(1), request.id(),
                Long.parseLong(request.timestamp()), request.body()));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.deliveries(hook.id(), 5).stream()
                .anyMatch(d -> d.status() == WebhookDelivery.Status.DELIVERED));

        var log = admin.get("/newsroom/admin/webhooks/" + hook.id());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(log.body())).isEmpty();
        assertThat(log.body()).contains(request.id(), "story.published", "HTTP 200");

        assertThat(admin.post("/newsroom/admin/webhooks/" + hook.id() + "/active", Map.of("active", "false"))
                .statusCode()).isEqualTo(302);
        assertThat(webhooks.find(hook.id())).get().extracting(Webhook::active).isEqualTo(false);
        assertThat(admin.post("/newsroom/admin/webhooks/" + hook.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(webhooks.find(hook.id())).isEmpty();
    }

    @Test
    void aRefusedRegistrationKeepsWhatWasTypedAndSaysWhyNextToTheField() {
        var refused = admin.post("/newsroom/admin/webhooks", List.of(Map.entry("url", "ftp://files.example/drop"),
                Map.entry("events", "story.updated"), Map.entry("description", "Typed <carefully>")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(HtmlValidator.errors(refused.body())).isEmpty();
        assertThat(refused.body()).contains("value=\"ftp://files.example/drop\"", "value=\"Typed &lt;carefully",
                "id=\"url-error\"", "aria-invalid=\"true\"", "value=\"story.updated\" checked");

        var noEvents = admin.post("/newsroom/admin/webhooks", List.of(Map.entry("url", receiver.url())));
        assertThat(noEvents.statusCode()).isEqualTo(422);
        assertThat(noEvents.body()).contains("id=\"events-error\"", "value=\"" + receiver.url() + "\"");
        assertThat(webhooks.all()).noneMatch(w -> w.url().toString().equals(receiver.url()));
    }
}
