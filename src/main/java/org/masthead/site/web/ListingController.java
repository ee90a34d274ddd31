package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Author;
import org.masthead.content.FrontPages;
import org.masthead.content.SectionDetails;
import org.masthead.content.StoryFilter;
import org.masthead.site.ReaderData;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.web.Pagination;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.PublicUrls;
import org.masthead.site.SiteProperties;
import org.masthead.site.seo.PageMetadata;
import org.masthead.site.web.PageParts.Link;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Section, tag and author pages: one paginated list each; a section's first page lays out its edited front
 * (the lead and the top stories) as the home page does. A former slug (a renamed section, tag or author, or a
 * tag merged into another) answers 301 to the current address, page number kept.
 */
@Controller
class ListingController {

    private static final String PHOTO_SIZES = "10rem";

    private final ReaderData reads;
    private final Taxonomy taxonomy;
    private final SitePages pages;
    private final PublicUrls urls;
    private final SiteProperties properties;
    private final MediaLibrary media;
    private final PageMetadata metadata;

    private final FrontPages fronts;

    ListingController(ReaderData reads, Taxonomy taxonomy, SitePages pages, PublicUrls urls,
            SiteProperties properties, MediaLibrary media, PageMetadata metadata, FrontPages fronts) {
        this.fronts = fronts;
        this.reads = reads;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
        this.properties = properties;
        this.media = media;
        this.metadata = metadata;
    }

    @GetMapping("/{lang:uk|en|ru}/{section:[a-z0-9-]{1,80}}/")
    ModelAndView section(@PathVariable Language lang, @PathVariable String section,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.sectionDetails(section).orElse(null);
        if (found == null) {
            var moved = taxonomy.formerSection(section).orElseThrow(() -> PageNotFound.in(lang));
            return Moved.to(urls.page(urls.section(lang, moved), PageNumber.parse(page, lang)));
        }
        var front = FrontPages.Front.section(lang, found.id());
        return section(lang, found, page, new Arrangement(front, reads.front(front), false), request);
    }

    /**
     * A section's first page with its front as the newsroom last arranged it, for signed-in staff before it goes
     * live. The section is in the path, not a parameter: a mapping that asks for a parameter makes every request
     * that the mappings are matched against read all of its parameters, and each query would be a page of its own
     * in the page cache.
     */
    @GetMapping("/newsroom/preview/front/{lang:uk|en|ru}/{section}")
    ModelAndView preview(@PathVariable Language lang, @PathVariable String section, HttpServletRequest request,
            HttpServletResponse response) {
        Previews.unshared(response);
        var found = taxonomy.sectionDetails(section).orElseThrow(() -> PageNotFound.in(lang));
        var front = FrontPages.Front.section(lang, found.id());
        return section(lang, found, null, new Arrangement(front, fronts.preview(front), true), request);
    }

    private ModelAndView section(Language lang, SectionDetails found, @Nullable String page, Arrangement arrangement,
            HttpServletRequest request) {
        var name = found.name().in(lang);
        var description = !found.seoDescription().in(lang).isBlank() ? found.seoDescription().in(lang)
                : !found.description().in(lang).isBlank() ? found.description().in(lang)
                : pages.messages(lang).get("section.description", name, pages.siteName(lang));
        var title = found.seoTitle().in(lang).isBlank() ? name : found.seoTitle().in(lang);
        return listing(lang, StoryFilter.section(lang, found.id()), l -> urls.section(l, found.section()), name, title,
                description, found.description().in(lang), page, found.slug(), SurrogateKeys.section(found.id()), null,
                null, arrangement, request);
    }

    @GetMapping("/{lang:uk|en|ru}/tag/{tag:[a-z0-9-]{1,80}}")
    ModelAndView tag(@PathVariable Language lang, @PathVariable String tag,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.tagDetails(tag).orElse(null);
        if (found == null) {
            var moved = taxonomy.formerTag(tag).orElseThrow(() -> PageNotFound.in(lang));
            return Moved.to(urls.page(urls.tag(lang, moved), PageNumber.parse(page, lang)));
        }
        var t = pages.messages(lang);
        var name = found.name().in(lang);
        var heading = t.get("tag.heading", name);
        var description = found.description().in(lang);
        return listing(lang, StoryFilter.tag(lang, found.id()), l -> urls.tag(l, found.tag()), heading, heading,
                description.isBlank() ? t.get("tag.description", name) : description, description, page, null,
                SurrogateKeys.tag(found.id()), null, null, null, request);
    }

    @GetMapping("/{lang:uk|en|ru}/author/{author:[a-z0-9-]{1,80}}")
    ModelAndView author(@PathVariable Language lang, @PathVariable String author,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
        var found = taxonomy.author(author).orElse(null);
        if (found == null) {
            var moved = taxonomy.formerAuthor(author).orElseThrow(() -> PageNotFound.in(lang));
            return Moved.to(urls.page(urls.author(lang, moved), PageNumber.parse(page, lang)));
        }
        var name = found.name().in(lang);
        var bio = found.bio().in(lang);
        var profile = profile(found, lang);
        var jsonLd = metadata.author(found, lang, profile.photo() == null ? null : urls.absolute(profile.photo().src()));
        return listing(lang, StoryFilter.author(lang, found.id()), l -> urls.author(l, found), name, name,
                bio.isBlank() ? pages.messages(lang).get("author.description", name) : bio, "", page, null,
                SurrogateKeys.author(found.id()), profile, jsonLd, null, request);
    }

    private ListingPage.Profile profile(Author author, Language lang) {
        var photoId = author.photoMediaId();
        var photo = photoId == null ? null : media.find(photoId)
                .map(asset -> pages.picture(asset, author.name().in(lang), PHOTO_SIZES, true)).orElse(null);
        var links = author.links().stream().map(url -> new Link(url, SitePages.host(url))).toList();
        return new ListingPage.Profile(photo, author.jobTitle().in(lang), author.bio().in(lang), links);
    }

    private ModelAndView listing(Language lang, StoryFilter filter, Function<Language, String> path, String heading,
            String title, String description, String introduction, @Nullable String pageParameter,
            @Nullable String currentSection, String key, ListingPage.@Nullable Profile profile, @Nullable String jsonLd,
            @Nullable Arrangement arrangement, HttpServletRequest request) {
        int page = PageNumber.parse(pageParameter, lang);
        int size = properties.pageSize();
        var slice = reads.list(filter, (page - 1) * size, size, true);
        int pagesTotal = Math.max(1, (slice.total() + size - 1) / size);
        if (page > pagesTotal) {
            throw PageNotFound.in(lang);
        }
        var here = path.apply(lang);
        var pagination = new Pagination(page, pagesTotal,
                page > 1 ? urls.page(here, page - 1) : null,
                page < pagesTotal ? urls.page(here, page + 1) : null);
        var t = pages.messages(lang);
        var shownTitle = page > 1 ? t.get("pagination.title", title, page) : title;
        boolean preview = arrangement != null && arrangement.preview();
        var chrome = pages.chrome(lang, shownTitle, description, preview ? null : urls.page(here, page),
                pages.everyLanguage(l -> urls.page(path.apply(l), page)),
                urls.page(path.apply(pages.defaultLanguage()), page), currentSection,
                preview ? List.of() : pages.feeds(here, heading + " — " + pages.siteName(lang)));
        var listed = slice.stories();
        var placed = List.<Boolean>of();
        if (arrangement != null && page == 1) {
            // the first page's stories and the placed ones, the front's places first: nothing of the page is lost
            var slots = arrangement.slots();
            var arranged = FrontLayout.arrange(slots, reads.cards(slots.stream().map(FrontPages.Slot::storyId).toList(),
                    lang), listed, listed.size() + slots.size());
            listed = arranged.cards();
            placed = arranged.placed();
        }
        var cards = pages.cards(listed, page == 1);
        PageParts.Front front = null;
        if (arrangement != null && page == 1) {
            int lead = Math.min(FrontLayout.CARDS, cards.size());
            front = PageParts.Front.of(cards.subList(0, lead), placed.subList(0, lead), preview);
            cards = cards.subList(lead, cards.size());
        }
        if (!preview) {
            ReaderKeys.listing(request, lang, key, listed);
            if (front != null) {
                SurrogateKeys.add(request, SurrogateKeys.front(arrangement.front().sectionId()));
            }
        }
        return new ModelAndView("site/listing", "page",
                new ListingPage(chrome, heading, introduction, t.count("listing.count", slice.total()), front, cards,
                        pagination, page == 1 ? profile : null, page == 1 ? jsonLd : null));
    }

    /** A section's front for its first page: the places readers see (or the preview's), and which front it is. */
    private record Arrangement(FrontPages.Front front, List<FrontPages.Slot> slots, boolean preview) {
    }
}
