package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.FrontPages;
import org.masthead.content.Section;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryFilter;
import org.masthead.platform.Language;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.FormerAddresses;
import org.masthead.site.PublicUrls;
import org.masthead.site.ReaderData;
import org.masthead.site.web.PageParts.Link;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class FrontPageController {

    /** Remembers the language a reader picked in the switcher. */
    static final String LANGUAGE_COOKIE = "masthead-language";
    private static final int PER_SECTION = 4;

    private final ReaderData reads;
    private final FrontPages fronts;
    private final SitePages pages;
    private final PublicUrls urls;
    private final List<FormerAddresses> formerAddresses;

    FrontPageController(ReaderData reads, FrontPages fronts, SitePages pages, PublicUrls urls,
            ObjectProvider<FormerAddresses> formerAddresses) {
        this.formerAddresses = formerAddresses.orderedStream().toList();
        this.reads = reads;
        this.fronts = fronts;
        this.pages = pages;
        this.urls = urls;
    }

    /**
     * {@code /} sends the reader to the home page in the language they chose before (a cookie set by
     * the switcher), else the first of our languages their browser asks for.
     */
    @GetMapping("/")
    RedirectView root(@CookieValue(name = LANGUAGE_COOKIE, required = false) @Nullable String chosen,
            HttpServletRequest request, HttpServletResponse response) {
        var moved = request.getQueryString() == null ? Optional.<String>empty()
                : formerAddresses.stream().flatMap(f -> f.moved("/", request.getQueryString()).stream()).findFirst();
        if (moved.isPresent()) {
            // an imported site's ?p=12, ?cat=3 or ?feed=rss2: where it is now, for good
            var redirect = new RedirectView(moved.get());
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setPropagateQueryParams(false);
            return redirect;
        }
        var codes = Language.all().stream().map(Language::code).toList();
        var language = Language.fromCode(chosen == null ? "" : chosen)
                .or(() -> Language.fromCode(preferred(request, codes)))
                .orElseGet(pages::defaultLanguage);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=0");
        return new RedirectView(urls.home(language));
    }

    /**
     * The switcher's links come here: remember the reader's choice for a year, then show the page.
     * Only a path of this site is followed, so the link cannot send readers elsewhere.
     */
    @GetMapping("/language/{lang:uk|en|ru}")
    RedirectView choose(@PathVariable Language lang, @RequestParam(required = false) @Nullable String next,
            HttpServletResponse response) {
        var cookie = ResponseCookie.from(LANGUAGE_COOKIE, lang.code()).path("/").maxAge(Duration.ofDays(365))
                .sameSite("Lax").httpOnly(true).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var safe = next != null && next.startsWith("/" + lang.code() + "/") && !next.contains("//")
                && !next.contains("\\") && next.chars().noneMatch(Character::isISOControl);
        var redirect = new RedirectView(safe ? next : urls.home(lang));
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    private static String preferred(HttpServletRequest request, List<String> codes) {
        var header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return "";
        }
        try {
            var match = Locale.lookupTag(Locale.LanguageRange.parse(header), codes);
            return match == null ? "" : match;
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    @GetMapping("/{lang:uk|en|ru}")
    RedirectView withoutSlash(@PathVariable Language lang) {
        var redirect = new RedirectView(urls.home(lang));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return redirect;
    }

    @GetMapping("/{lang:uk|en|ru}/")
    ModelAndView home(@PathVariable Language lang, HttpServletRequest request) {
        return new ModelAndView("site/home", "page", page(lang, reads.front(FrontPages.Front.home(lang)), request, false));
    }

    /**
     * The front page as the newsroom last arranged it, before it goes live: to signed-in staff only, and no
     * cache may keep it (a section's front is previewed on its own page, see {@link ListingController}).
     */
    @GetMapping("/newsroom/preview/front/{lang:uk|en|ru}")
    ModelAndView preview(@PathVariable Language lang, HttpServletRequest request, HttpServletResponse response) {
        Previews.unshared(response);
        return new ModelAndView("site/home", "page", page(lang, fronts.preview(FrontPages.Front.home(lang)), request, true));
    }

    private HomePage page(Language lang, List<FrontPages.Slot> slots, HttpServletRequest request, boolean preview) {
        var newest = reads.list(StoryFilter.all(lang), 0, FrontLayout.CARDS + slots.size(), false).stories();
        var arranged = FrontLayout.arrange(slots, reads.cards(slots.stream().map(FrontPages.Slot::storyId).toList(), lang),
                newest, FrontLayout.CARDS);
        var front = arranged.cards();
        // sections kept out of the navigation get no teaser either
        var shown = pages.navigation().stream().map(Section::id).collect(Collectors.toSet());
        var bySection = reads.latestPerSection(lang, PER_SECTION).stream()
                .filter(card -> shown.contains(card.section().id()))
                .collect(Collectors.groupingBy(card -> card.section().id(), LinkedHashMap::new,
                        Collectors.toList()));
        var teasers = bySection.values().stream()
                .map(cards -> {
                    StoryCard first = cards.getFirst();
                    return new HomePage.SectionTeaser(new Link(urls.section(lang, first.section()),
                            first.section().name().in(lang)), pages.cards(cards, false));
                })
                .toList();
        var siteName = pages.siteName(lang);
        var chrome = pages.chrome(lang, siteName, pages.messages(lang).get("home.description"),
                preview ? null : urls.home(lang), pages.everyLanguage(urls::home), "/", null,
                preview ? List.of() : pages.feeds(urls.home(lang), siteName));
        if (!preview) {
            ReaderKeys.listing(request, lang, SurrogateKeys.front(null), front);
            bySection.values().forEach(section -> ReaderKeys.listing(request, lang, "home", section));
        }
        return new HomePage(chrome, PageParts.Front.of(pages.cards(front, true), arranged.placed(), preview), teasers,
                preview);
    }
}
