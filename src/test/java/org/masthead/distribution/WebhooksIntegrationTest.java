package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.CommittedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook delivery to a receiver on 127.0.0.1: signatures, events, retries and the delivery log. */
@MastheadTest
class WebhooksIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired Webhooks webhooks;
    @Autowired WebhookSender sender;
    @Autowired WebhookDispatcher dispatcher;
    @Autowired OutboxRelay relay;
    @Autowired CommittedEvents recorder;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    Fixtures fixtures;
    WebhookReceiver receiver;
    final List<Long> registered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(stories, taxonomy);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        registered.forEach(id -> webhooks.remove(id, "test"));
        receiver.close();
    }

    @Test
    void everyStoryEventReachesItsSubscribersSignedAndOnce() {
        var hook = register(EnumSet.of(WebhookEvent.PUBLISHED, WebhookEvent.UPDATED, WebhookEvent.UNPUBLISHED,
                WebhookEvent.DELETED));
        var onlyDeletes = register(EnumSet.of(WebhookEvent.DELETED));
        // each change is relayed before the next, as on a live site: a payload lists the versions
        // that are live when the consumer prepares it
        long id = fixtures.story().in(EN, "Hooked story").in(UK, "Історія").published();
        deliver();
        stories.save(new SaveVersion(id, EN, 1, "Hooked story, updated", "S", "", "", "", "", "", List.of(), "test"));
        stories.publish(id);
        deliver();
        stories.unpublish(id);
        deliver();
        stories.publish(id);
        deliver();
        stories.delete(id);
        deliver();

        var mine = receiver.await(r -> storyOf(r) == id && webhookOf(r.id(), hook.webhook().id()), 5, PATIENCE);
        // deliveries travel in parallel: receivers order them by their timestamp, not by arrival
        assertThat(mine).extracting(r -> body(r).path("type").asString()).containsExactlyInAnyOrder(
                "story.published", "story.updated", "story.unpublished", "story.published", "story.deleted");
        assertThat(mine).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
        for (var request : mine) {
            assertThat(request.signature()).isEqualTo(WebhookSignature.sign(hook.secret(), request.id(),
                    Long.parseLong(request.timestamp()), request.body()));
            assertThat(body(request).path("id").asString()).isEqualTo(request.id());
        }
        var published = body(ofType(mine, "story.published")).path("data");
        assertThat(published.path("versions")).extracting(v -> v.path("language").asString()).containsExactly("uk", "en");
        assertThat(published.path("versions").get(1).path("url").asString()).startsWith("http://localhost:8080/en/");
        assertThat(published.path("versions").get(1).path("api").asString())
                .isEqualTo("http://localhost:8080/api/v1/stories/" + id + "/en");
        assertThat(body(ofType(mine, "story.updated")).path("data").path("versions").get(1).path("headline").asString())
                .isEqualTo("Hooked story, updated");

        var deletes = receiver.await(r -> storyOf(r) == id && webhookOf(r.id(), onlyDeletes.webhook().id()), 1, PATIENCE);
        assertThat(body(deletes.getFirst()).path("type").asString()).isEqualTo("story.deleted");
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received(r -> storyOf(r) == id)).hasSize(6);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(webhooks.deliveries(hook.webhook().id(), 10))
                .hasSize(5).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.log()).singleElement().satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
        }));
    }

    @Test
    void aFailedAttemptIsRetriedLaterWithTheSameIdAndBackoffDoubles() {
        var hook = register(EnumSet.of(WebhookEvent.PUBLISHED));
        receiver.answer(r -> receiver.received(x -> x.id().equals(r.id())).size() < 3 ? 500 : 204);
        long id = fixtures.story().in(EN, "Flaky receiver").published();
        deliver();
        receiver.await(r -> storyOf(r) == id, 1, PATIENCE);

        var first = onlyDelivery(hook);
        assertThat(first.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatus()).isEqualTo(500);
        assertThat(Duration.between(first.log().getFirst().at(), first.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).as("not due before its time").isZero();

        makeDue(first.id());
        deliver();
        receiver.await(r -> storyOf(r) == id, 2, PATIENCE);
        var second = onlyDelivery(hook);
        assertThat(Duration.between(second.log().getLast().at(), second.nextAttemptAt())).isEqualTo(Duration.ofSeconds(60));

        makeDue(first.id());
        deliver();
        var all = receiver.await(r -> storyOf(r) == id, 3, PATIENCE);
        assertThat(all).extracting(WebhookReceiver.Received::id).containsOnly(first.id());
        var done = onlyDelivery(hook);
        assertThat(done.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(done.log()).extracting(WebhookDelivery.Attempt::statusCode).containsExactly(500, 500, 204);
        assertThat(done.deliveredAt()).isNotNull();
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAndCanBeRetriedByHand() {
        var hook = register(EnumSet.of(WebhookEvent.PUBLISHED));
        receiver.answer(r -> 410);
        long id = fixtures.story().in(EN, "Nobody home").published();
        deliver();
        for (int attempt = 2; attempt <= 10; attempt++) {
            receiver.await(r -> storyOf(r) == id, attempt - 1, PATIENCE);
            makeDue(onlyDelivery(hook).id());
            deliver();
        }
        receiver.await(r -> storyOf(r) == id, 10, PATIENCE);
        var failed = onlyDelivery(hook);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.log()).hasSize(10);
        assertThat(sender.backoff(9)).isEqualTo(Duration.ofSeconds(30).multipliedBy(256));
        assertThat(sender.backoff(20)).isEqualTo(Duration.ofHours(6));

        receiver.answer(r -> 200);
        assertThat(webhooks.retry(failed.id(), "test")).isTrue();
        deliver();
        receiver.await(r -> storyOf(r) == id, 11, PATIENCE);
        assertThat(onlyDelivery(hook).status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void handlingTheSameOutboxEventAgainCreatesNoSecondDelivery() {
        var hook = register(EnumSet.of(WebhookEvent.PUBLISHED));
        long id = fixtures.story().in(EN, "Handled twice").published();
        relay.drain();
        var event = recorder.events().stream().filter(e -> e.type().equals("StoryPublished"))
                .filter(e -> e.payload().contains("\"storyId\":" + id + ","))
                .max(java.util.Comparator.comparingLong(org.masthead.platform.outbox.OutboxEvent::id)).orElseThrow();

        dispatcher.handle(java.util.List.of(event));   // as after a crash before the relay moved its cursor
        dispatcher.handle(java.util.List.of(event));
        deliver();

        receiver.await(r -> storyOf(r) == id, 1, PATIENCE);
        assertThat(webhooks.deliveries(hook.webhook().id(), 10)).hasSize(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received(r -> storyOf(r) == id)).hasSize(1);
    }

    @Test
    void pausedWebhooksGetNothingAndRegistrationsAreChecked() {
        var hook = register(EnumSet.of(WebhookEvent.PUBLISHED));
        assertThat(webhooks.setActive(hook.webhook().id(), false, "test")).isTrue();
        long id = fixtures.story().in(EN, "Nobody listening").published();
        deliver();
        assertThat(webhooks.deliveries(hook.webhook().id(), 10)).isEmpty();
        assertThat(webhooks.find(hook.webhook().id())).get().extracting(Webhook::active).isEqualTo(false);
        assertThat(receiver.received(r -> storyOf(r) == id)).isEmpty();

        assertThatThrownBy(() -> webhooks.register(new NewWebhook(receiver.url(), Set.of(), ""), "test"))
                .isInstanceOf(InvalidWebhook.class).extracting(e -> ((InvalidWebhook) e).field()).isEqualTo("events");
        assertThatThrownBy(() -> webhooks.register(new NewWebhook("file:///etc/passwd", Set.of(WebhookEvent.PUBLISHED), ""), "test"))
                .isInstanceOf(InvalidWebhook.class).extracting(e -> ((InvalidWebhook) e).field()).isEqualTo("url");
    }

    @Test
    void metadataOfALiveStoryAndTaxonomyChangesReachTheirSubscribers() {
        var stories = register(EnumSet.of(WebhookEvent.UPDATED));
        var taxonomyHook = register(EnumSet.of(WebhookEvent.SECTION_CHANGED, WebhookEvent.TAG_CHANGED,
                WebhookEvent.TAG_MERGED, WebhookEvent.AUTHOR_CHANGED));
        long id = fixtures.story().in(EN, "Story filed elsewhere").published();
        long draft = fixtures.story().in(EN, "Draft filed elsewhere").draft();
        long section = fixtures.section();
        var fromSlug = Fixtures.unique("hook-tag");
        long from = taxonomy.addTag(fromSlug, new org.masthead.platform.Localized("Від " + fromSlug, "From " + fromSlug,
                "От " + fromSlug));
        long into = taxonomy.addTag(Fixtures.unique("hook-tag"), new org.masthead.platform.Localized("До " + fromSlug,
                "Into " + fromSlug, "В " + fromSlug));
        deliver();
        for (long story : List.of(id, draft)) {
            var details = this.stories.details(story).orElseThrow();
            this.stories.updateMetadata(story, new org.masthead.content.StoryMetadata(section, details.authorIds(),
                    List.of(from), null));
        }
        deliver();
        taxonomy.mergeTags(from, into);
        deliver();

        var updated = receiver.await(r -> webhookOf(r.id(), stories.webhook().id()), 1, PATIENCE);
        assertThat(body(updated.getFirst()).path("type").asString()).isEqualTo("story.updated");
        assertThat(storyOf(updated.getFirst())).as("only the live story is news").isEqualTo(id);
        assertThat(body(updated.getFirst()).path("data").path("versions").get(0).path("url").asString())
                .contains("/en/" + taxonomy.sectionDetails(section).orElseThrow().slug() + "/");

        var merged = receiver.await(r -> webhookOf(r.id(), taxonomyHook.webhook().id())
                && body(r).path("type").asString().equals("tag.merged"), 1, PATIENCE).getFirst();
        var data = body(merged).path("data");
        assertThat(data.path("from").path("tagId").asLong()).isEqualTo(from);
        assertThat(data.path("into").path("tagId").asLong()).isEqualTo(into);
        assertThat(data.path("into").path("urls").path("en").asString()).endsWith("/en/tag/"
                + taxonomy.tagDetails(into).orElseThrow().slug());
        assertThat(data.path("storyIds")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(id, draft);
        var created = receiver.await(r -> webhookOf(r.id(), taxonomyHook.webhook().id())
                && body(r).path("type").asString().equals("section.changed")
                && body(r).path("data").path("sectionId").asLong() == section, 1, PATIENCE);
        assertThat(created).singleElement().satisfies(r -> assertThat(body(r).path("data").path("change").asString())
                .isEqualTo("created"));
    }

    private RegisteredWebhook register(Set<WebhookEvent> events) {
        var hook = webhooks.register(new NewWebhook(receiver.url(), events, "test receiver"), "test");
        registered.add(hook.webhook().id());
        return hook;
    }

    /** Runs the outbox consumers and one sending pass now, instead of waiting for the pollers. */
    private void deliver() {
        relay.drain();
        sender.sendDue();
    }

    private void makeDue(String deliveryId) {
        // stands in for the wait: the retry time arrives now rather than in half a minute
        jdbc.sql("update webhook_delivery set next_attempt_at = 0 where id = :id").param("id", deliveryId).update();
    }

    /**
     * The webhook's one delivery once every request the receiver saw is written down: the receiver sees
     * a request before the sending thread records the answer.
     */
    private WebhookDelivery onlyDelivery(RegisteredWebhook hook) {
        return await().atMost(PATIENCE).until(() -> webhooks.deliveries(hook.webhook().id(), 10), deliveries ->
                deliveries.size() == 1 && deliveries.getFirst().attempts()
                        == receiver.received(r -> r.id().equals(deliveries.getFirst().id())).size())
                .getFirst();
    }

    private WebhookReceiver.Received ofType(List<WebhookReceiver.Received> requests, String type) {
        return requests.stream().filter(r -> body(r).path("type").asString().equals(type)).findFirst().orElseThrow();
    }

    private JsonNode body(WebhookReceiver.Received request) {
        return json.readTree(request.body());
    }

    private long storyOf(WebhookReceiver.Received request) {
        return body(request).path("data").path("storyId").asLong();
    }

    private boolean webhookOf(String deliveryId, long webhookId) {
        return jdbc.sql("select count(*) from webhook_delivery where id = :id and webhook_id = :webhook")
                .param("id", deliveryId).param("webhook", webhookId).query(Integer.class).single() == 1;
    }
}
