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
    /**
     * The lead and the 14 cards after it fill every row of the front's grid whatever its number of columns
     * (one to four, see site.css): with the lead over two columns and two rows, 14 cards leave no cell empty.
     */
    private static final int FRONT = 15;
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
        return new ModelAndView("site/home", "page", page(lang, reads.front(lang), request, false));
    }

    /**
     * The front page as the newsroom last arranged it, before it goes live: to signed-in staff only, and no
     * cache may keep it.
     */
    @GetMapping("/newsroom/preview/front/{lang:uk|en|ru}")
    ModelAndView preview(@PathVariable Language lang, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        return new ModelAndView("site/home", "page", page(lang, fronts.preview(lang), request, true));
    }

    /**
     * The stories the editors put in slots go there while they are live in the language; every other slot,
     * and the cards after the slots, take the newest stories not placed yet.
     */
    private HomePage page(Language lang, List<FrontPages.Slot> slots, HttpServletRequest request, boolean preview) {
        var t = pages.messages(lang);
        var chosen = new HashMap<Long, StoryCard>();
        reads.cards(slots.stream().map(FrontPages.Slot::storyId).toList(), lang)
                .forEach(card -> chosen.put(card.id(), card));
        var newest = reads.list(StoryFilter.all(lang), 0, FRONT + slots.size(), false).stories().stream()
                .filter(card -> !chosen.containsKey(card.id())).iterator();
        var byPosition = new HashMap<Integer, StoryCard>();
        slots.forEach(slot -> {
            var card = chosen.get(slot.storyId());
            if (card != null) {
                byPosition.put(slot.position(), card);
            }
        });
        var front = new ArrayList<StoryCard>(FRONT);
        var pinned = new HashSet<Long>();
        for (int position = 1; position <= FRONT; position++) {
            var card = position <= FrontPages.SLOTS ? byPosition.get(position) : null;
            if (card != null) {
                front.add(card);
                pinned.add(card.id());
            } else if (newest.hasNext()) {
                front.add(newest.next());
            }
        }
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
        var cards = pages.cards(front, true);
        var lead = cards.isEmpty() ? null : cards.getFirst();
        var rest = cards.isEmpty() ? List.<PageParts.Card>of() : cards.subList(1, cards.size());
        var siteName = pages.siteName(lang);
        var chrome = pages.chrome(lang, siteName, t.get("home.description"), preview ? null : urls.home(lang),
                pages.everyLanguage(urls::home), "/", null, preview ? List.of() : pages.feeds(urls.home(lang), siteName));
        if (!preview) {
            ReaderKeys.listing(request, lang, "home", front);
            bySection.values().forEach(section -> ReaderKeys.listing(request, lang, "home", section));
        }
        var placed = front.stream().map(card -> pinned.contains(card.id())).toList();
        return new HomePage(chrome, lead, rest, placed, teasers, preview);
    }
}
