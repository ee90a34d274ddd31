package org.masthead.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.content.ContentEvent;
import org.masthead.content.Pages;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEvent;
import org.masthead.content.SiteEvent;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import java.util.EnumSet;
import java.util.function.Supplier;
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

    private static final Set<String> CONTENT_EVENTS = OutboxEvent.typesOf(ContentEvent.class);
    private static final Set<String> SITE_EVENTS = OutboxEvent.typesOf(SiteEvent.class);
    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.class, SiteEvent.class,
            LiveEvent.EntryChanged.class);

    private final WebhookRepository repository;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final Pages pages;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final WebhookSender sender;
    private final Clock clock;

    private final LiveBlogs liveBlogs;

    WebhookDispatcher(WebhookRepository repository, Stories stories, Taxonomy taxonomy, Pages pages, PublicUrls urls,
            JsonMapper json, TransactionTemplate transaction, WebhookSender sender, Clock clock, LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.repository = repository;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.pages = pages;
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
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        events.forEach(this::handle);
    }

    private void handle(OutboxEvent event) {
        if (CONTENT_EVENTS.contains(event.type())) {
            var content = event.payload(ContentEvent.class);
            var kind = kind(content);
            if (kind != null) {
                deliver(event, kind, () -> storyData(content));
            }
        } else if (SITE_EVENTS.contains(event.type())) {
            var site = event.payload(SiteEvent.class);
            var kind = kind(site);
            if (kind != null) {
                deliver(event, kind, () -> siteData(site));
            }
        } else if (event.type().equals(LiveEvent.EntryChanged.class.getSimpleName())) {
            var entry = (LiveEvent.EntryChanged) event.payload(LiveEvent.class);
            deliver(event, WebhookEvent.LIVE_ENTRY, () -> entryData(entry));
        }
    }

    private void deliver(OutboxEvent event, WebhookEvent kind, Supplier<Map<String, Object>> data) {
        var subscribers = repository.subscribers(kind);
        if (subscribers.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var body = data.get();
        transaction.executeWithoutResult(status -> {
            for (long webhook : subscribers) {
                var id = deliveryId(webhook, event.id());
                repository.insertDelivery(id, webhook, event.id(), kind, payload(id, kind, body, event), now);
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
            // a live story filed elsewhere or given another picture changed for its readers
            case ContentEvent.MetadataChanged m -> m.live() ? WebhookEvent.UPDATED : null;
        };
    }

    private static @Nullable WebhookEvent kind(SiteEvent event) {
        return switch (event) {
            case SiteEvent.SectionChanged s -> WebhookEvent.SECTION_CHANGED;
            case SiteEvent.TagChanged t -> WebhookEvent.TAG_CHANGED;
            case SiteEvent.TagsMerged m -> WebhookEvent.TAG_MERGED;
            case SiteEvent.AuthorChanged a -> WebhookEvent.AUTHOR_CHANGED;
            case SiteEvent.PageChanged p -> WebhookEvent.PAGE_CHANGED;
            case SiteEvent.PublicationChanged p -> null;
            case SiteEvent.FrontPageChanged f -> null;
            case SiteEvent.BannerChanged b -> null;
        };
    }

    /**
     * The story and, when it went live or changed while live, its live versions with their addresses on
     * the site and in the content API.
     */
    private Map<String, Object> storyData(ContentEvent content) {
        var data = new LinkedHashMap<String, Object>();
        data.put("storyId", content.storyId());
        if (content instanceof ContentEvent.VersionUnpublished version) {
            data.put("language", version.language().code());   // only this version left the site
        }
        var live = switch (content) {
            case ContentEvent.StoryPublished published -> published.languages();
            case ContentEvent.MetadataChanged changed -> EnumSet.allOf(Language.class);
            default -> Set.<Language>of();
        };
        if (!live.isEmpty()) {
            var versions = new ArrayList<Map<String, Object>>();
            live.stream().sorted().forEach(language ->
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
        return data;
    }

    /**
     * The entry as it is now in the language the change concerns (for a translation, the language translated into),
     * with the address of its anchor on the live blog's page in that language; {@code sourceLanguage} is the one it
     * was written in, and {@code outdatedTranslations} the languages whose translation is behind its text.
     */
    private Map<String, Object> entryData(LiveEvent.EntryChanged changed) {
        var data = new LinkedHashMap<String, Object>();
        data.put("change", changed.kind().key());
        data.put("storyId", changed.storyId());
        data.put("entryId", changed.entryId());
        data.put("language", changed.language().code());
        try {
            var entry = liveBlogs.entry(changed.storyId(), changed.entryId());
            data.put("sourceLanguage", entry.language().code());
            data.put("headline", entry.withdrawn() ? "" : entry.in(changed.language()).headline());
            data.put("outdatedTranslations", entry.translations().keySet().stream()
                    .filter(language -> entry.standing(language) == org.masthead.content.LiveEntry.Standing.OUTDATED)
                    .sorted().map(Language::code).toList());
            data.put("keyEvent", entry.keyEvent());
            data.put("postedAt", DateTimeFormatter.ISO_INSTANT.format(entry.postedAt()));
            stories.published(changed.storyId(), changed.language()).ifPresent(story ->
                    data.put("url", urls.absolute(urls.story(story.card())) + "#entry-" + entry.id()));
        } catch (org.masthead.content.TaxonomyNotFound gone) {
            // the live blog was deleted since: the ids say enough
        }
        return data;
    }

    /** What changed, by id and slug, with its names and addresses in each language while it exists. */
    private Map<String, Object> siteData(SiteEvent event) {
        var data = new LinkedHashMap<String, Object>();
        switch (event) {
            case SiteEvent.SectionChanged section -> {
                data.put("change", change(section.change()));
                data.put("sectionId", section.sectionId());
                data.put("slug", section.slug());
                data.put("previousSlug", section.previousSlug());
                taxonomy.section(section.slug()).ifPresent(found -> {
                    data.put("names", names(found.name()));
                    data.put("urls", addresses(language -> urls.section(language, found)));
                });
            }
            case SiteEvent.TagChanged tag -> {
                data.put("change", change(tag.change()));
                data.put("tagId", tag.tagId());
                data.put("slug", tag.slug());
                data.put("previousSlug", tag.previousSlug());
                taxonomy.tag(tag.slug()).ifPresent(found -> {
                    data.put("names", names(found.name()));
                    data.put("urls", addresses(language -> urls.tag(language, found)));
                });
            }
            case SiteEvent.TagsMerged merged -> {
                data.put("from", Map.of("tagId", merged.fromId(), "slug", merged.fromSlug()));
                var into = new LinkedHashMap<String, Object>();
                into.put("tagId", merged.intoId());
                into.put("slug", merged.intoSlug());
                taxonomy.tag(merged.intoSlug()).ifPresent(found -> {
                    into.put("names", names(found.name()));
                    into.put("urls", addresses(language -> urls.tag(language, found)));
                });
                data.put("into", into);
                data.put("storyIds", merged.storyIds());
            }
            case SiteEvent.AuthorChanged author -> {
                data.put("change", change(author.change()));
                data.put("authorId", author.authorId());
                data.put("slug", author.slug());
                data.put("previousSlug", author.previousSlug());
                taxonomy.author(author.slug()).ifPresent(found -> {
                    data.put("names", names(found.name()));
                    data.put("urls", addresses(language -> urls.author(language, found)));
                });
            }
            case SiteEvent.PageChanged page -> {
                data.put("change", change(page.change()));
                data.put("pageId", page.pageId());
                data.put("languages", page.languages().stream().sorted().map(Language::code).toList());
                var versions = new ArrayList<Map<String, Object>>();
                pages.find(page.pageId()).ifPresent(found -> found.versions().values().stream()
                        .filter(v -> v.live()).sorted(java.util.Comparator.comparing(v -> v.language()))
                        .forEach(v -> versions.add(Map.of("language", v.language().code(), "title", v.title(),
                                "url", urls.absolute(urls.page(v.language(), v.slug()))))));
                data.put("versions", versions);
            }
            case SiteEvent.PublicationChanged publication -> { }
            case SiteEvent.FrontPageChanged front -> { }
            case SiteEvent.BannerChanged banner -> { }
        }
        return data;
    }

    private static String change(SiteEvent.Change change) {
        return change.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> names(Localized names) {
        var out = new LinkedHashMap<String, String>();
        Language.all().forEach(language -> out.put(language.code(), names.in(language)));
        return out;
    }

    private Map<String, String> addresses(java.util.function.Function<Language, String> path) {
        var out = new LinkedHashMap<String, String>();
        Language.all().forEach(language -> out.put(language.code(), urls.absolute(path.apply(language))));
        return out;
    }

    /** The body in the Standard Webhooks shape ({@code type}, {@code timestamp}, {@code data}). */
    private String payload(String id, WebhookEvent kind, Map<String, Object> data, OutboxEvent event) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("type", kind.wireName());
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
