package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.content.StoryFilter;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.web.Pagination;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.PublicUrls;
import org.masthead.site.SiteProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Section, tag and author pages: one paginated list each. */
@Controller
class ListingController {

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final SitePages pages;
    private final PublicUrls urls;
    private final SiteProperties properties;

    ListingController(Stories stories, Taxonomy taxonomy, SitePages pages, PublicUrls urls,
            SiteProperties properties) {
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
        this.properties = properties;
    }

    @GetMapping("/{lang:uk|en|ru}/{section:[a-z0-9-]{1,80}}/")
    ModelAndView section(@PathVariable Language lang, @PathVariable String section,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.section(section).orElseThrow(() -> PageNotFound.in(lang));
        var name = found.name().in(lang);
        return listing(lang, StoryFilter.section(lang, found.id()), l -> urls.section(l, found), name,
                pages.messages(lang).get("section.description", name, properties.name()), "", page, found.slug(),
                SurrogateKeys.section(found.id()), request);
    }

    @GetMapping("/{lang:uk|en|ru}/{section:[a-z0-9-]{1,80}}")
    RedirectView sectionWithoutSlash(@PathVariable Language lang, @PathVariable String section) {
        var found = taxonomy.section(section).orElseThrow(() -> PageNotFound.in(lang));
        var redirect = new RedirectView(urls.section(lang, found));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return redirect;
    }

    @GetMapping("/{lang:uk|en|ru}/tag/{tag:[a-z0-9-]{1,80}}")
    ModelAndView tag(@PathVariable Language lang, @PathVariable String tag,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.tag(tag).orElseThrow(() -> PageNotFound.in(lang));
        var t = pages.messages(lang);
        var name = found.name().in(lang);
        return listing(lang, StoryFilter.tag(lang, found.id()), l -> urls.tag(l, found),
                t.get("tag.heading", name), t.get("tag.description", name), "", page, null,
                SurrogateKeys.tag(found.id()), request);
    }

    @GetMapping("/{lang:uk|en|ru}/author/{author:[a-z0-9-]{1,80}}")
    ModelAndView author(@PathVariable Language lang, @PathVariable String author,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.author(author).orElseThrow(() -> PageNotFound.in(lang));
        var name = found.name().in(lang);
        return listing(lang, StoryFilter.author(lang, found.id()), l -> urls.author(l, found), name,
                pages.messages(lang).get("author.description", name), found.bio().in(lang), page, null, SurrogateKeys.author(found.id()), request);
    }

    private ModelAndView listing(Language lang, StoryFilter filter, Function<Language, String> path,
            String heading, String description, String introduction, @Nullable String pageParameter,
            @Nullable String currentSection, String key, HttpServletRequest request) {
        int page = PageNumber.parse(pageParameter, lang);
        int size = properties.pageSize();
        var slice = stories.list(filter, (page - 1) * size, size);
        int pagesTotal = Math.max(1, (slice.total() + size - 1) / size);
        if (page > pagesTotal) {
            throw PageNotFound.in(lang);
        }
        var here = path.apply(lang);
        var pagination = new Pagination(page, pagesTotal,
                page > 1 ? urls.page(here, page - 1) : null,
                page < pagesTotal ? urls.page(here, page + 1) : null);
        var title = page > 1 ? pages.messages(lang).get("pagination.title", heading, page) : heading;
        var chrome = pages.chrome(lang, title, description, urls.page(here, page),
                pages.everyLanguage(l -> urls.page(path.apply(l), page)), urls.page(path.apply(
                        properties.defaultLanguage()), page), currentSection, pages.feeds(here, heading + " — " + properties.name()));
        ReaderKeys.listing(request, lang, key, slice.stories());
        return new ModelAndView("site/listing", "page",
                new ListingPage(chrome, heading, introduction, pages.messages(lang).count("listing.count", slice.total()),
                        pages.cards(slice.stories(), page == 1), pagination));
    }
}
