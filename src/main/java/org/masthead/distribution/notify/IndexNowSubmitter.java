package org.masthead.distribution.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentEvent;
import org.masthead.distribution.DistributionProperties;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.site.PublicUrls;
import org.masthead.site.SiteProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits the addresses of a story's versions to IndexNow when they are published or updated, so the
 * search engines that take it (one endpoint shares them with all) crawl them at once instead of at their
 * next visit. The key is served at {@code /{key}.txt} ({@link IndexNowKeyController}); without a key this
 * does nothing.
 */
@Component
class IndexNowSubmitter implements OutboxConsumer {

    /** The protocol's limit of addresses in one submission. */
    static final int MAX_URLS = 10_000;
    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.StoryPublished.class);

    private final DistributionProperties.IndexNow settings;
    private final ChangedFeeds changed;
    private final Announcements announcements;
    private final PublicUrls urls;
    private final SiteProperties site;
    private final JsonMapper json;

    IndexNowSubmitter(DistributionProperties properties, ChangedFeeds changed, Announcements announcements,
            PublicUrls urls, SiteProperties site, JsonMapper json) {
        this.settings = properties.indexNow();
        this.changed = changed;
        this.announcements = announcements;
        this.urls = urls;
        this.site = site;
        this.json = json;
    }

    @Override
    public String name() {
        return "indexnow";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (settings.enabled()) {
            events.forEach(this::handle);
        }
    }

    private void handle(OutboxEvent event) {
        var published = (ContentEvent.StoryPublished) event.payload(ContentEvent.class);
        var pages = changed.pages(published.storyId(), published.languages());
        if (pages.isEmpty()) {
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("host", site.baseUrl().getHost());
        body.put("key", settings.key());
        body.put("keyLocation", urls.absolute("/" + settings.key() + ".txt"));
        body.put("urlList", pages.subList(0, Math.min(pages.size(), MAX_URLS)));
        announcements.send("indexnow", URI.create(settings.endpoint()), "application/json; charset=utf-8",
                json.writeValueAsString(body), settings.timeout());
    }
}
