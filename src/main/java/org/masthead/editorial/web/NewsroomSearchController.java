package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.masthead.content.StoryStatus;
import org.masthead.content.Stories;
import org.masthead.editorial.Permissions;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.web.Pagination;
import org.masthead.platform.web.UiMessages;
import org.masthead.search.Highlighted;
import org.masthead.search.SearchOrder;
import org.masthead.search.SearchResults;
import org.masthead.search.StorySearch;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Newsroom search: the working copy of every version, drafts included, in every language or in one, for
 * every signed-in role, since the desk shows every role every story too. As on the reader search, whatever the parameters hold
 * the answer is a page that helps: unknown values are ignored and a page past the end shows the last one.
 */
@Controller
class NewsroomSearchController {

    private final StorySearch search;
    private final Stories stories;
    private final NewsroomPages pages;

    NewsroomSearchController(StorySearch search, Stories stories, NewsroomPages pages) {
        this.search = search;
        this.stories = stories;
        this.pages = pages;
    }

    /** What the person asked for, as it goes back into links; no language means every language. */
    private record Asked(String q, @Nullable Language language, @Nullable StoryStatus status, SearchOrder order,
            int page) {

        String url() {
            var query = new StringJoiner("&", "/newsroom/search?", "");
            query.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            if (language != null) {
                query.add("lang=" + language.code());
            }
            if (status != null) {
                query.add("status=" + status.name());
            }
            if (order != SearchOrder.RELEVANCE) {
                query.add("sort=" + order.parameter());
            }
            if (page > 1) {
                query.add("page=" + page);
            }
            return query.toString();
        }

        Asked page(int number) {
            return new Asked(q, language, status, order, number);
        }

        Asked in(@Nullable Language other) {
            return new Asked(q, other, status, order, 1);
        }
    }

    @GetMapping("/newsroom/search")
    ModelAndView search(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page) {
        var t = pages.messages(user.uiLanguage());
        var language = lang == null ? null : Language.fromCode(lang).orElse(null);
        var languageName = language == null ? t.get("newsroom.search.every-language") : language.nativeName();
        var statusFilter = Arrays.stream(StoryStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        var order = sort == null ? SearchOrder.RELEVANCE : SearchOrder.fromParameter(sort).orElse(SearchOrder.RELEVANCE);
        var text = q == null ? "" : q.strip();
        var paged = search.searchPage(StorySearch.Request.includingDrafts(language, text).order(order)
                .status(statusFilter).page(StorySearch.pageNumber(page)).withoutFacets());
        var asked = new Asked(text, language, statusFilter, order, paged.request().page());
        var searched = paged.request().text();
        var total = paged.results().total();

        String summary;
        if (text.isEmpty()) {
            summary = t.get("newsroom.search.prompt");
        } else if (searched.isEmpty()) {
            summary = t.get("newsroom.search.no-words", searched.text());
        } else if (total == 0) {
            summary = t.get("newsroom.search.nothing", searched.text(), languageName);
        } else {
            summary = t.count("newsroom.search.found", total, searched.text(), languageName);
        }
        // searched in one language: the same search in the others, and in all of them
        var others = new ArrayList<NewsroomSearchPage.Link>();
        if (!searched.isEmpty() && language != null) {
            Language.all().stream().filter(other -> other != language)
                    .forEach(other -> others.add(new NewsroomSearchPage.Link(asked.in(other).url(), other.nativeName())));
            others.add(new NewsroomSearchPage.Link(asked.in(null).url(), t.get("newsroom.search.any-language")));
        }
        var pagination = new Pagination(asked.page(), paged.lastPage(),
                asked.page() > 1 ? asked.page(asked.page() - 1).url() : null,
                asked.page() < paged.lastPage() ? asked.page(asked.page() + 1).url() : null);
        var view = new NewsroomSearchPage(pages.chrome(request, user, "newsroom.search.title", "search"),
                new NewsroomSearchPage.Form(text, language == null ? "" : language.code(),
                        statusFilter == null ? "" : statusFilter.name(), order.parameter()),
                Stream.concat(Stream.of(new DeskPage.Option("", t.get("newsroom.search.any-language"))),
                        Language.all().stream().map(l -> new DeskPage.Option(l.code(), l.nativeName()))).toList(),
                Arrays.stream(StoryStatus.values())
                        .map(s -> new DeskPage.Option(s.name(), t.get("newsroom.status." + s.name()))).toList(),
                Arrays.stream(SearchOrder.values())
                        .map(o -> new DeskPage.Option(o.parameter(), t.get("search.sort." + o.parameter()))).toList(),
                summary, searched.shortened() ? t.get("search.shortened", searched.text()) : null, total == 0, others,
                paged.results().hits().stream().map(hit -> result(hit, user, t)).toList(), pagination);
        return new ModelAndView("newsroom/editorial/search", "page", view);
    }

    /** A hit with the links this person may follow: editing only where the workflow would let them save. */
    private NewsroomSearchPage.Result result(SearchResults.Hit hit, NewsroomUser user, UiMessages t) {
        var id = hit.storyId();
        var version = "/newsroom/stories/" + id + "/" + hit.language().code();
        boolean mayEdit = stories.details(id).map(story -> Permissions.of(user, story).editVersions()).orElse(false);
        var headline = hit.headline().text().isBlank()
                ? Highlighted.plain(t.get("newsroom.story.untitled", Long.toString(id))) : hit.headline();
        return new NewsroomSearchPage.Result("/newsroom/stories/" + id, headline, hit.snippet(), hit.language().label(),
                hit.language().nativeName(), t.get("newsroom.status." + hit.status()), hit.live(), hit.date().toString(),
                pages.time(hit.date()), "/newsroom/preview/" + id + "/" + hit.language().code(),
                mayEdit ? version + "/edit" : null);
    }
}
