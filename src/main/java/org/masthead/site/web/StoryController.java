package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.PublishedStory;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.web.bind.annotation.RequestParam;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.masthead.site.ReaderData;
import org.masthead.site.seo.StoryMetadata;
import org.masthead.site.web.PageParts.Link;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class StoryController {

    private static final int RELATED = 4;

    private final Stories stories;
    private final ReaderData reads;
    private final SitePages pages;
    private final PublicUrls urls;
    private final StoryMetadata metadata;
    private final LiveBlogs liveBlogs;
    private final LiveViews live;

    StoryController(Stories stories, ReaderData reads, SitePages pages, PublicUrls urls, StoryMetadata metadata,
            LiveBlogs liveBlogs, LiveViews live) {
        this.liveBlogs = liveBlogs;
        this.live = live;
        this.stories = stories;
        this.reads = reads;
        this.pages = pages;
        this.urls = urls;
        this.metadata = metadata;
    }

    @GetMapping("/{lang:uk|en|ru}/{section:[a-z0-9-]{1,80}}/{slug:[a-z0-9-]{1,100}}-{id:\\d{1,18}}")
    ModelAndView story(@PathVariable Language lang, @PathVariable String section, @PathVariable String slug,
            @PathVariable long id, @RequestParam(required = false) @Nullable String older, HttpServletRequest request) {
        var story = reads.published(id, lang).orElseThrow(() -> stories.wasPublished(id, lang)
                ? PageNotFound.gone(lang) : PageNotFound.in(lang));
        if (!story.slug().equals(slug) || !story.section().slug().equals(section)) {
            // an old slug (the headline changed) or a moved section keeps working
            var moved = new RedirectView(urls.story(story.card()));
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(moved);
        }
        var related = reads.related(story, RELATED);
        ReaderKeys.story(request, story, related);
        var blog = reads.liveBlog(id).orElse(null);
        LivePage livePage = null;
        if (blog != null) {
            // entries change the live blog's pages only (see SurrogateKeys.live)
            SurrogateKeys.add(request, SurrogateKeys.live(id), SurrogateKeys.live(id, lang));
            var from = older != null && older.matches("\\d{1,18}") ? Long.valueOf(older) : null;
            livePage = live.page(story, blog, from);
        }
        return new ModelAndView("site/story", "page", page(story, related, false, blog, livePage));
    }

    /**
     * The working copy of a version as readers would see it, for the newsroom. It lives under
     * /newsroom, so only signed-in staff reach it, and no cache may keep it.
     */
    @GetMapping("/newsroom/preview/{id:\\d{1,18}}/{lang:uk|en|ru}")
    ModelAndView preview(@PathVariable long id, @PathVariable Language lang, HttpServletResponse response) {
        var story = stories.preview(id, lang).orElseThrow(() -> PageNotFound.in(lang));
        Previews.unshared(response);
        var blog = liveBlogs.find(id).orElse(null);
        return new ModelAndView("site/story", "page", page(story, stories.related(story.id(), lang, RELATED), true, blog,
                blog == null ? null : live.page(story, blog, null)));
    }

    private StoryPage page(PublishedStory story, List<StoryCard> related, boolean preview, @Nullable LiveBlog blog,
            @Nullable LivePage livePage) {
        var lang = story.language();
        var versions = new EnumMap<Language, String>(Language.class);
        story.liveSlugs().forEach((l, slug) -> versions.put(l, urls.story(l, story.section().slug(), slug, story.id())));
        var xDefault = versions.getOrDefault(pages.defaultLanguage(), versions.values().iterator().next());
        var description = story.seoDescription().isBlank() ? story.standfirst() : story.seoDescription();
        var title = story.seoTitle().isBlank() ? story.headline() : story.seoTitle();
        var siteName = pages.siteName(lang);
        var feeds = new ArrayList<>(pages.feeds(urls.home(lang), siteName));
        feeds.addAll(pages.feeds(urls.section(lang, story.section()), story.section().name().in(lang) + " — " + siteName));
        var chrome = pages.chrome(lang, title, description, preview ? null : urls.story(story.card()), versions,
                xDefault, story.section().slug(), preview ? List.of() : feeds);
        var notes = story.notes().stream().map(n -> new StoryPage.Note("story.note." + n.kind().name().toLowerCase(
                java.util.Locale.ROOT), n.text(), pages.date(n.createdAt(), lang))).toList();
        var byline = story.authors().stream().map(a -> new Link(urls.author(lang, a), a.name().in(lang))).toList();
        var tags = story.tags().stream().map(t -> new Link(urls.tag(lang, t), t.name().in(lang))).toList();
        var updated = story.updatedAt().isAfter(story.publishedAt()) ? pages.date(story.updatedAt(), lang) : null;
        return new StoryPage(chrome,
                new Link(urls.section(lang, story.section()), story.section().name().in(lang)),
                story.headline(), story.standfirst(), pages.leadFigure(story), byline,
                pages.date(story.publishedAt(), lang), updated, pages.blocks(story.body(), lang), tags,
                pages.cards(related, false), notes, preview, preview ? null : metadata.of(story, blog), livePage);
    }
}
