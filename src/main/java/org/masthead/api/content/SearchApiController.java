package org.masthead.api.content;

import static org.masthead.api.content.ContentApiController.language;
import static org.masthead.api.content.ContentApiController.rejectUnknownParameters;
import static org.masthead.api.content.ContentApiController.slug;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.api.content.ApiResponses.SearchHit;
import org.masthead.api.content.ApiResponses.SearchResponse;
import org.masthead.content.Taxonomy;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.search.QueryText;
import org.masthead.search.StorySearch;
import org.masthead.site.PublicUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over published stories, one language at a time, with the reader search's bounds:
 * the query is cut to {@value QueryText#MAX_LENGTH} characters, pages are fixed in size and no page
 * lies beyond the first {@value StorySearch#MAX_RESULTS} results. Drafts are never searched here.
 */
@RestController
@Tag(name = ApiConfiguration.SEARCH)
@ErrorResponses(400)
@RequestMapping(path = "/api/v1", produces = "application/json")
class SearchApiController {

    private static final Set<String> PARAMETERS = Set.of("q", "language", "section", "tag", "page");
    /** Results change whenever something is published; a short shared-cache life is enough. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final StorySearch search;
    private final Taxonomy taxonomy;
    private final PublicUrls urls;

    SearchApiController(StorySearch search, Taxonomy taxonomy, PublicUrls urls) {
        this.search = search;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    @GetMapping("/search")
    @Operation(operationId = "searchStories", summary = "Published stories matching words, best match first")
    ResponseEntity<SearchResponse> search(
            @Parameter(description = "The words to look for; any form of a word finds the others; \"quotes\" "
                    + "for a phrase.", required = true, example = "energy")
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "The language to search in.", required = true, example = "en",
                    schema = @Schema(allowableValues = {"uk", "en", "ru"}))
            @RequestParam(required = false) @Nullable String language,
            @Parameter(description = "Only stories of this section (slug).", example = "politics")
            @RequestParam(required = false) @Nullable String section,
            @Parameter(description = "Only stories with this tag (slug).", example = "energy")
            @RequestParam(required = false) @Nullable String tag,
            @Parameter(description = "The page of results, from 1.", example = "1",
                    schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request) {
        rejectUnknownParameters(request, PARAMETERS);
        if (q == null || q.isBlank()) {
            throw new BadParameter("q", "'q' takes the words to search for.");
        }
        if (language == null) {
            throw new BadParameter("language", "'language' is required: uk, en or ru.");
        }
        var lang = language(language, "language");
        if (section != null && taxonomy.section(slug(section, "section")).isEmpty()) {
            throw new BadParameter("section", "There is no section '" + section + "'.");
        }
        if (tag != null && taxonomy.tag(slug(tag, "tag")).isEmpty()) {
            throw new BadParameter("tag", "There is no tag '" + tag + "'.");
        }
        int pageSize = search.pageSize();
        int lastPage = Math.max(1, StorySearch.MAX_RESULTS / pageSize);
        int number = page(page, lastPage);
        var asked = StorySearch.Request.published(lang, q).narrowedTo(section, tag, null).page(number).withoutFacets();
        var results = search.search(asked);
        var items = results.hits().stream().filter(hit -> hit.live())
                .map(hit -> new SearchHit(hit.storyId(), hit.language().code(),
                        urls.absolute(urls.story(hit.language(), hit.sectionSlug(), hit.slug(), hit.storyId())),
                        urls.absolute(urls.apiStory(hit.storyId(), hit.language())), hit.headline().text(),
                        hit.snippet().text(), hit.date()))
                .toList();
        String next = null;
        if ((long) number * pageSize < Math.min(results.total(), StorySearch.MAX_RESULTS)) {
            var query = new LinkedHashMap<String, @Nullable String>();
            query.put("q", q);
            query.put("language", lang.code());
            query.put("section", section);
            query.put("tag", tag);
            query.put("page", Integer.toString(number + 1));
            next = urls.absolute("/api/v1/search?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
        SurrogateKeys.add(request, "api", "search", SurrogateKeys.language(lang));
        var response = ResponseEntity.ok().cacheControl(CACHING);
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new SearchResponse(asked.text().text(), lang.code(), results.total(), number, pageSize,
                items, next));
    }

    private static int page(@Nullable String page, int lastPage) {
        if (page == null) {
            return 1;
        }
        if (!page.matches("\\d{1,4}") || Integer.parseInt(page) < 1 || Integer.parseInt(page) > lastPage) {
            throw new BadParameter("page", "'page' takes a whole number from 1 to " + lastPage + ".");
        }
        return Integer.parseInt(page);
    }
}
