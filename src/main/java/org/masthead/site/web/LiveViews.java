package org.masthead.site.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.PublishedStory;
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

    LiveViews(LiveBlogs blogs, SitePages pages, PublicUrls urls, ResourceUrlProvider resources) {
        this.blogs = blogs;
        this.pages = pages;
        this.urls = urls;
        this.resources = resources;
    }

    /** The live part of the page of {@code story}, from entry {@code older} on (the newest when null). */
    LivePage page(PublishedStory story, LiveBlog blog, @Nullable Long older) {
        var lang = story.language();
        var shown = blog.showUntranslated() ? null : lang;
        var storyUrl = urls.story(story.card());
        var entries = blogs.entries(story.id(), shown, older, PER_PAGE);
        var keyEvents = older == null ? blogs.keyEvents(story.id(), shown, KEY_EVENTS) : List.<LiveEntry>of();
        var script = Objects.requireNonNullElse(resources.getForLookupPath("/site/js/live.js"), "/site/js/live.js");
        return new LivePage(blog.state().key(), blog.state() != LiveBlog.State.ENDED,
                keyEvents.stream().map(e -> entry(e, lang, storyUrl)).toList(),
                entries.entries().stream().map(e -> entry(e, lang, storyUrl)).toList(),
                entries.olderThan() == null ? null : storyUrl + "?older=" + entries.olderThan() + "#live-entries",
                older == null, blogs.lastChange(story.id()), stream(story.id(), lang), storyUrl + "#live-entries",
                urls.absolute("/" + lang.code() + "/live/" + story.id() + "/atom.xml"), script);
    }

    /** Whether a reader of {@code language} sees {@code entry} at all. */
    static boolean shown(LiveBlog blog, LiveEntry entry, Language language) {
        return blog.showUntranslated() || entry.language() == language;
    }

    LivePage.Entry entry(LiveEntry entry, Language lang, String storyUrl) {
        var anchor = "entry-" + entry.id();
        var other = entry.language() == lang ? null : entry.language();
        return new LivePage.Entry(entry.id(), anchor, urls.absolute(storyUrl + "#" + anchor),
                pages.date(entry.postedAt(), lang), entry.author(), entry.headline(),
                entry.withdrawn() ? List.of() : pages.blocks(entry.body(), entry.language()), entry.keyEvent(),
                entry.withdrawn(), entry.correctedAt() == null ? null : pages.date(entry.correctedAt(), lang),
                other == null ? null : other.nativeName(), other == null ? null : other.code());
    }

    static String stream(long storyId, Language language) {
        return "/live/" + storyId + "/" + language.code() + "/events";
    }
}
