package org.masthead.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.content.Author;
import org.masthead.content.Section;
import org.masthead.content.StoryCard;
import org.masthead.content.Tag;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;

/**
 * Builds every public link: pages, feeds, sitemaps, API and search results all take their URLs
 * from here, so a change of URL scheme happens in one place. Paths are site-relative; {@link #absolute}
 * adds the configured base URL where a full address is needed (canonical, hreflang, feeds).
 */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(SiteProperties properties) {
        var url = properties.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String home(Language language) {
        return "/" + language.code() + "/";
    }

    public String section(Language language, Section section) {
        return section(language, section.slug());
    }

    public String section(Language language, String sectionSlug) {
        return home(language) + sectionSlug + "/";
    }

    public String story(Language language, String sectionSlug, String slug, long id) {
        return section(language, sectionSlug) + slug + "-" + id;
    }

    public String story(StoryCard card) {
        return story(card.language(), card.section().slug(), card.slug(), card.id());
    }

    public String tag(Language language, Tag tag) {
        return home(language) + "tag/" + tag.slug();
    }

    public String author(Language language, Author author) {
        return home(language) + "author/" + author.slug();
    }

    /** A static page: {@code /{lang}/{slug}}, beside the sections (whose addresses end in a slash). */
    public String page(Language language, String slug) {
        return home(language) + slug;
    }

    public String media(long mediaId, int width) {
        return "/media/" + mediaId + "/" + width + ".jpg";
    }

    /** A cropped copy of an image for previews and structured data ({@code crop} is "16x9", "4x3" or "1x1"). */
    public String media(long mediaId, String crop, int width) {
        return "/media/" + mediaId + "/" + crop + "/" + width + ".jpg";
    }

    /**
     * The feed of a list page: {@code listPath} is the page's own path ({@link #home}, {@link #section},
     * {@link #tag}, {@link #author}), so every list has its feed beside it.
     */
    public String feed(String listPath, FeedFormat format, boolean fullText) {
        var base = listPath.endsWith("/") ? listPath : listPath + "/";
        return base + "feed/" + format.fileName(fullText);
    }

    /** The content API's listing of stories; {@code query} is an encoded query string or empty. */
    public String apiStories(String query) {
        return "/api/v1/stories" + (query.isEmpty() ? "" : "?" + query);
    }

    /** One language version of a story in the content API. */
    public String apiStory(long storyId, Language language) {
        return "/api/v1/stories/" + storyId + "/" + language.code();
    }

    public String sitemapIndex() {
        return "/sitemap.xml";
    }

    /** Part {@code part} (from 1) of the sitemap of the stories first published in one month (UTC). */
    public String sitemap(java.time.YearMonth month, int part) {
        return "/sitemaps/" + month + (part == 1 ? "" : "-" + part) + ".xml";
    }

    /** The sitemap of the static pages. */
    public String pagesSitemap() {
        return "/sitemaps/pages.xml";
    }

    public String newsSitemap() {
        return "/sitemaps/news.xml";
    }

    /** The search page; {@code parameters} (query, filters, sort, page) in the given order, empty ones left out. */
    public String search(Language language, Map<String, String> parameters) {
        var query = parameters.entrySet().stream()
                .filter(p -> !p.getValue().isEmpty())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return home(language) + "search" + (query.isEmpty() ? "" : "?" + query);
    }

    /** Completions as the reader types (JSON), for the search box's script. */
    public String searchSuggestions(Language language) {
        return home(language) + "search/suggest";
    }

    /**
     * The language switcher's link: remembers the reader's choice in a cookie, then shows {@code path}
     * (the same page in that language).
     */
    public String chooseLanguage(Language language, String path) {
        return "/language/" + language.code() + "?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code path} with {@code ?page=N} for pages after the first. */
    public String page(String path, int page) {
        return page <= 1 ? path : path + "?page=" + page;
    }

    public String absolute(String path) {
        return base + path;
    }
}
