package org.masthead.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.content.ContentEvent;
import org.masthead.content.Stories;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.site.PublicUrls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed content events into webhook deliveries, one per subscribed webhook, written to the
 * database before anything is sent: a crash after this point loses nothing, and handling the same
 * event again (the relay's at-least-once promise) creates no second delivery because the delivery id
 * is derived from the webhook and the outbox event.
 */
@Component
class WebhookDispatcher implements OutboxConsumer {

    private static final Set<String> CONTENT_EVENTS = Set.of("StoryPublished", "StoryUnpublished", "StoryDeleted",
            "VersionSaved", "VersionUnpublished");

    private final WebhookRepository repository;
    private final Stories stories;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final WebhookSender sender;
    private final Clock clock;

    WebhookDispatcher(WebhookRepository repository, Stories stories, PublicUrls urls, JsonMapper json,
            TransactionTemplate transaction, WebhookSender sender, Clock clock) {
        this.repository = repository;
        this.stories = stories;
        this.urls = urls;
        this.json = json;
        this.transaction = transaction;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public void handle(OutboxEvent event) {
        if (!CONTENT_EVENTS.contains(event.type())) {
            return;
        }
        var content = event.payload(ContentEvent.class);
        var kind = kind(content);
        if (kind == null) {
            return;
        }
        var subscribers = repository.subscribers(kind);
        if (subscribers.isEmpty()) {
            return;
        }
        var now = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (long webhook : subscribers) {
                var id = deliveryId(webhook, event.id());
                repository.insertDelivery(id, webhook, event.id(), kind, payload(id, kind, content, event), now);
            }
        });
        sender.wake();
    }

    /** Name-based, so the same webhook and outbox event always give the same id. */
    static String deliveryId(long webhookId, long outboxEventId) {
        return UUID.nameUUIDFromBytes(("masthead-webhook:" + webhookId + ":" + outboxEventId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static @Nullable WebhookEvent kind(ContentEvent event) {
        return switch (event) {
            case ContentEvent.StoryPublished p -> p.wasLive() ? WebhookEvent.UPDATED : WebhookEvent.PUBLISHED;
            case ContentEvent.StoryUnpublished u -> WebhookEvent.UNPUBLISHED;
            case ContentEvent.VersionUnpublished u -> WebhookEvent.UNPUBLISHED;
            case ContentEvent.StoryDeleted d -> WebhookEvent.DELETED;
            case ContentEvent.VersionSaved v -> null;   // a saved draft is not news for anyone outside
        };
    }

    /**
     * The body in the Standard Webhooks shape ({@code type}, {@code timestamp}, {@code data}): the story
     * and, when it went live, its live versions with their addresses on the site and in the content API.
     */
    private String payload(String id, WebhookEvent kind, ContentEvent content, OutboxEvent event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("storyId", content.storyId());
        if (content instanceof ContentEvent.VersionUnpublished version) {
            data.put("language", version.language().code());   // only this version left the site
        }
        if (content instanceof ContentEvent.StoryPublished published) {
            var versions = new ArrayList<Map<String, Object>>();
            published.languages().stream().sorted().forEach(language ->
                    stories.published(content.storyId(), language).ifPresent(story -> {
                        var version = new LinkedHashMap<String, Object>();
                        version.put("language", language.code());
                        version.put("headline", story.headline());
                        version.put("url", urls.absolute(urls.story(story.card())));
                        version.put("api", urls.absolute(urls.apiStory(story.id(), language)));
                        version.put("updatedAt", DateTimeFormatter.ISO_INSTANT.format(story.updatedAt()));
                        versions.add(version);
                    }));
            data.put("versions", versions);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("type", kind.wireName());
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
