package org.masthead.site.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.PublishedStory;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Turns a live blog and its entries into what its page and its event stream show. */
@Component
class LiveViews {

    static final int PER_PAGE = 20;
    static final int KEY_EVENTS = 8;

    private final LiveBlogs blogs;
    private final SitePages pages;
    private final PublicUrls urls;
    private final ResourceUrlProvider resources;
    private final Stories stories;

    LiveViews(LiveBlogs blogs, SitePages pages, PublicUrls urls, ResourceUrlProvider resources, Stories stories) {
        this.blogs = blogs;
        this.stories = stories;
        this.pages = pages;
        this.urls = urls;
        this.resources = resources;
    }

    /**
     * The live part of the page of {@code story}, from entry {@code older} on (the newest when null): each entry in
     * the page's language, translated or as written.
     */
    LivePage page(PublishedStory story, LiveBlog blog, @Nullable Long older) {
        var lang = story.language();
        var shown = blog.showUntranslated() ? null : lang;
        var storyUrl = urls.story(story.card());
        var entries = blogs.entries(story.id(), shown, older, PER_PAGE);
        var keyEvents = older == null ? blogs.keyEvents(story.id(), shown, KEY_EVENTS) : List.<LiveEntry>of();
        var script = Objects.requireNonNullElse(resources.getForLookupPath("/site/js/live.js"), "/site/js/live.js");
        var pageUrls = pageUrls(story.id());
        return new LivePage(blog.state().key(), blog.state() != LiveBlog.State.ENDED,
                keyEvents.stream().map(e -> entry(e, lang, pageUrls)).toList(),
                entries.entries().stream().map(e -> entry(e, lang, pageUrls)).toList(),
                entries.olderThan() == null ? null : storyUrl + "?older=" + entries.olderThan() + "#live-entries",
                older == null, blogs.lastChange(story.id()), stream(story.id(), lang), storyUrl + "#live-entries",
                urls.absolute("/" + lang.code() + "/live/" + story.id() + "/atom.xml"), script);
    }

    /** The address of the live blog's page in each language it is published in. */
    Map<Language, String> pageUrls(long storyId) {
        var found = new EnumMap<Language, String>(Language.class);
        for (var language : Language.all()) {
            stories.cards(List.of(storyId), language).stream().findFirst()
                    .ifPresent(card -> found.put(language, urls.story(card)));
        }
        return found;
    }

    /** {@code entry} as a reader of {@code lang} reads it; {@code pageUrls} are the live blog's pages by language. */
    LivePage.Entry entry(LiveEntry entry, Language lang, Map<Language, String> pageUrls) {
        var anchor = "entry-" + entry.id();
        var reading = entry.in(lang);
        var other = entry.language() == lang ? null : entry.language();
        var original = pageUrls.get(entry.language());
        return new LivePage.Entry(entry.id(), anchor, urls.absolute(pageUrls.getOrDefault(lang, "") + "#" + anchor),
                pages.date(entry.postedAt(), lang), entry.author(), reading.headline(),
                entry.withdrawn() ? List.of() : pages.blocks(reading.body(), reading.language()), entry.keyEvent(),
                entry.withdrawn(), entry.correctedAt() == null ? null : pages.date(entry.correctedAt(), lang),
                other == null ? null : other.nativeName(), other == null ? null : other.code(), reading.language() == lang ? null : reading.language().code(),
                reading.standing().key(),
                reading.standing() == LiveEntry.Standing.OUTDATED && original != null ? original + "#" + anchor : null);
    }

    static String stream(long storyId, Language language) {
        return "/live/" + storyId + "/" + language.code() + "/events";
    }
}
