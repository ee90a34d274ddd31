package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Section;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.web.Pagination;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.platform.web.UiMessages;
import org.masthead.search.SearchOrder;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchResults.FacetCount;
import org.masthead.search.StorySearch;
import org.masthead.search.Suggestion;
import org.masthead.site.PublicUrls;
import org.masthead.site.web.PageParts.Link;
import org.masthead.site.web.SearchPage.Choice;
import org.masthead.site.web.SearchPage.FacetGroup;
import org.masthead.site.web.SearchPage.Outcome;
import org.masthead.site.web.SearchPage.Result;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Reader search, one page per language. Whatever the parameters hold, the answer is a page that helps:
 * unknown filters and sorts are ignored, a page number out of range shows the last results there are.
 */
@Controller
class SearchController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,80}");

    private final StorySearch search;
    private final Taxonomy taxonomy;
    private final SitePages pages;
    private final PublicUrls urls;

    SearchController(StorySearch search, Taxonomy taxonomy, SitePages pages, PublicUrls urls) {
        this.search = search;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
    }

    /** What the reader asked for, as it goes back into links. */
    private record Asked(String q, SearchOrder order, @Nullable String section, @Nullable String tag,
            @Nullable YearMonth month, int page) {

        Map<String, String> parameters() {
            var parameters = new LinkedHashMap<String, String>();
            parameters.put("q", q);
            parameters.put("section", section == null ? "" : section);
            parameters.put("tag", tag == null ? "" : tag);
            parameters.put("month", month == null ? "" : month.toString());
            parameters.put("sort", order == SearchOrder.RELEVANCE ? "" : order.parameter());
            parameters.put("page", page <= 1 ? "" : Integer.toString(page));
            return parameters;
        }

        Asked with(@Nullable String newSection, @Nullable String newTag, @Nullable YearMonth newMonth) {
            return new Asked(q, order, newSection, newTag, newMonth, 1);
        }
    }

    @GetMapping("/{lang:uk|en|ru}/search")
    ModelAndView page(@PathVariable Language lang, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String page, HttpServletRequest request,
            HttpServletResponse response) {
        var asked = new Asked(q == null ? "" : q.strip(),
                sort == null ? SearchOrder.RELEVANCE : SearchOrder.fromParameter(sort).orElse(SearchOrder.RELEVANCE),
                slugOrNull(section), slugOrNull(tag), monthOrNull(month), StorySearch.pageNumber(page));
        var t = pages.messages(lang);
        var searchRequest = StorySearch.Request.published(lang, asked.q()).order(asked.order())
                .narrowedTo(asked.section(), asked.tag(), asked.month()).page(asked.page());
        var paged = search.searchPage(searchRequest);
        var results = paged.results();
        int lastPage = paged.lastPage();
        var current = pageOf(asked, paged.request().page());

        Outcome outcome = searchRequest.text().isEmpty() ? Outcome.NO_QUERY
                : results.total() == 0 ? Outcome.NOTHING_FOUND : Outcome.RESULTS;
        var title = outcome == Outcome.NO_QUERY ? t.get("search.title") : t.get("search.title.query", current.q());
        var chrome = pages.chrome(lang, title, t.get("search.description", pages.siteName(lang)), null,
                pages.everyLanguage(l -> urls.search(l, Map.of("q", current.q()))),
                urls.search(pages.defaultLanguage(), Map.of()), null, java.util.List.of());
        String notice = searchRequest.text().shortened() ? t.get("search.shortened", searchRequest.text().text()) : null;

        var sections = taxonomy.sections().stream().collect(Collectors.toMap(Section::slug, Function.identity()));
        var hits = new ArrayList<Result>();
        for (var hit : results.hits()) {
            var sectionOfHit = sections.get(hit.sectionSlug());
            var sectionName = sectionOfHit == null ? hit.sectionSlug() : sectionOfHit.name().in(lang);
            hits.add(new Result(urls.story(lang, hit.sectionSlug(), hit.slug(), hit.storyId()), hit.headline(),
                    hit.snippet(), pages.date(hit.date(), lang),
                    new Link(urls.section(lang, hit.sectionSlug()), sectionName)));
        }
        var orders = List.of(
                new Choice(t.get("search.sort.relevance"), 0,
                        urls.search(lang, new Asked(current.q(), SearchOrder.RELEVANCE, current.section(), current.tag(),
                                current.month(), 1).parameters()), current.order() == SearchOrder.RELEVANCE),
                new Choice(t.get("search.sort.date"), 0,
                        urls.search(lang, new Asked(current.q(), SearchOrder.NEWEST, current.section(), current.tag(),
                                current.month(), 1).parameters()), current.order() == SearchOrder.NEWEST));
        var facets = facets(lang, current, results.facets(), sections, t);
        var removeFilters = new ArrayList<Link>();
        if (current.section() != null) {
            var name = sections.containsKey(current.section()) ? sections.get(current.section()).name().in(lang)
                    : current.section();
            removeFilters.add(new Link(urls.search(lang, current.with(null, current.tag(), current.month()).parameters()),
                    t.get("search.remove", name)));
        }
        if (current.tag() != null) {
            removeFilters.add(new Link(urls.search(lang, current.with(current.section(), null, current.month()).parameters()),
                    t.get("search.remove", tagName(current.tag(), lang))));
        }
        if (current.month() != null) {
            removeFilters.add(new Link(urls.search(lang, current.with(current.section(), current.tag(), null).parameters()),
                    t.get("search.remove", monthName(current.month(), lang))));
        }
        var pagination = new Pagination(current.page(), lastPage,
                current.page() > 1 ? urls.search(lang, pageOf(current, current.page() - 1).parameters()) : null,
                current.page() < lastPage ? urls.search(lang, pageOf(current, current.page() + 1).parameters()) : null);
        var summary = switch (outcome) {
            case NO_QUERY -> t.get("search.prompt");
            case NOTHING_FOUND -> t.get("search.nothing", current.q());
            case RESULTS -> t.get("search.found", results.total(), current.q());
        };
        SurrogateKeys.add(request, SurrogateKeys.LAYOUT, "search", SurrogateKeys.language(lang));
        return new ModelAndView("site/search", "page", new SearchPage(chrome, current.q(), outcome, summary, notice,
                orders, hits, facets, removeFilters, pagination));
    }

    /** Completions for the search box's script: {"suggestions": [{"kind", "text", "url"}]}. */
    @GetMapping(path = "/{lang:uk|en|ru}/search/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Suggestions> suggest(@PathVariable Language lang, @RequestParam(defaultValue = "") String q,
            HttpServletRequest request) {
        var items = search.suggest(lang, q).stream().map(s -> new Suggestions.Item(
                s.kind().name().toLowerCase(java.util.Locale.ROOT), s.text(), urlOf(s, lang))).toList();
        SurrogateKeys.add(request, "search", SurrogateKeys.language(lang));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                .body(new Suggestions(items));
    }

    record Suggestions(List<Item> suggestions) {

        record Item(String kind, String text, String url) {
        }
    }

    private String urlOf(Suggestion suggestion, Language lang) {
        var story = suggestion.story();
        if (story != null) {
            return urls.story(lang, story.sectionSlug(), story.slug(), story.id());
        }
        var tag = suggestion.tagSlug() == null ? null : taxonomy.tag(suggestion.tagSlug()).orElse(null);
        if (tag != null) {
            return urls.tag(lang, tag);
        }
        return urls.search(lang, Map.of("q", suggestion.text()));
    }

    private List<FacetGroup> facets(Language lang, Asked asked, SearchResults.Facets facets,
            Map<String, Section> sections, UiMessages t) {
        var groups = new ArrayList<FacetGroup>();
        groups.add(new FacetGroup("facet-section", t.get("search.facet.section"), choices(facets.sections(),
                value -> sections.containsKey(value) ? sections.get(value).name().in(lang) : value,
                value -> value.equals(asked.section()),
                value -> asked.with(value.equals(asked.section()) ? null : value, asked.tag(), asked.month()), lang)));
        groups.add(new FacetGroup("facet-tag", t.get("search.facet.tag"), choices(facets.tags(),
                value -> tagName(value, lang),
                value -> value.equals(asked.tag()),
                value -> asked.with(asked.section(), value.equals(asked.tag()) ? null : value, asked.month()), lang)));
        groups.add(new FacetGroup("facet-month", t.get("search.facet.month"), choices(facets.months(),
                value -> monthName(YearMonth.parse(value), lang),
                value -> asked.month() != null && value.equals(asked.month().toString()),
                value -> asked.with(asked.section(), asked.tag(),
                        asked.month() != null && value.equals(asked.month().toString()) ? null : YearMonth.parse(value)),
                lang)));
        groups.removeIf(group -> group.choices().isEmpty());
        return groups;
    }

    private List<Choice> choices(List<FacetCount> counts, Function<String, String> label,
            java.util.function.Predicate<String> selected, Function<String, Asked> toggled, Language lang) {
        return counts.stream().map(c -> new Choice(label.apply(c.value()), c.count(),
                urls.search(lang, toggled.apply(c.value()).parameters()), selected.test(c.value()))).toList();
    }

    private String tagName(String slug, Language lang) {
        return taxonomy.tag(slug).map(tag -> tag.name().in(lang)).orElse(slug);
    }

    private static String monthName(YearMonth month, Language lang) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", lang.locale()).format(month);
    }

    private static Asked pageOf(Asked asked, int page) {
        return new Asked(asked.q(), asked.order(), asked.section(), asked.tag(), asked.month(), page);
    }

    private static @Nullable String slugOrNull(@Nullable String value) {
        return value != null && SLUG.matcher(value).matches() ? value : null;
    }

    private static @Nullable YearMonth monthOrNull(@Nullable String value) {
        if (value == null || value.length() != 7) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
