package org.masthead.distribution.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.content.ContentEvent;
import org.masthead.distribution.DistributionProperties;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the configured WebSub hub which feeds changed when a story is published, updated or withdrawn
 * ({@code hub.mode=publish} with one {@code hub.url} per feed), so subscribed readers get the change pushed
 * instead of polling. Every feed names the hub ({@code rel="hub"}); without a hub this does nothing.
 */
@Component
class WebSubPublisher implements OutboxConsumer {

    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.StoryPublished.class,
            ContentEvent.StoryUnpublished.class, ContentEvent.VersionUnpublished.class);

    private final DistributionProperties.Websub settings;
    private final ChangedFeeds changed;
    private final Announcements announcements;

    WebSubPublisher(DistributionProperties properties, ChangedFeeds changed, Announcements announcements) {
        this.settings = properties.websub();
        this.changed = changed;
        this.announcements = announcements;
    }

    @Override
    public String name() {
        return "websub";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (!settings.hub().isBlank()) {
            events.forEach(this::handle);
        }
    }

    private void handle(OutboxEvent event) {
        var content = event.payload(ContentEvent.class);
        var feeds = changed.feeds(content.storyId(), ChangedFeeds.languages(content));
        if (feeds.isEmpty()) {
            return;
        }
        var body = "hub.mode=publish&" + feeds.stream()
                .map(feed -> "hub.url=" + URLEncoder.encode(feed, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        announcements.send("websub", URI.create(settings.hub()), "application/x-www-form-urlencoded", body,
                settings.timeout());
    }
}
