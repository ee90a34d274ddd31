package org.masthead.api.content;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.api.content.ApiResponses.AuthorResponse;
import org.masthead.api.content.ApiResponses.BlockResponse;
import org.masthead.api.content.ApiResponses.ImageResponse;
import org.masthead.api.content.ApiResponses.StoryList;
import org.masthead.api.content.ApiResponses.MarkResponse;
import org.masthead.api.content.ApiResponses.RichTextResponse;
import org.masthead.api.content.ApiResponses.Reference;
import org.masthead.api.content.ApiResponses.SectionResponse;
import org.masthead.api.content.ApiResponses.StoryResponse;
import org.masthead.api.content.ApiResponses.StorySummary;
import org.masthead.api.content.ApiResponses.TagResponse;
import org.masthead.content.Block;
import org.masthead.content.LeadImage;
import org.masthead.content.Mark;
import org.masthead.content.RichText;
import org.masthead.content.PublishedStory;
import org.masthead.content.Section;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryQuery;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaAsset;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.InlineHtml;
import org.masthead.site.PublicUrls;
import org.masthead.site.StoryLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public, read-only content API: published stories and the taxonomy, as JSON. Listings are paged
 * by an opaque cursor; every response carries an ETag (a repeated request with If-None-Match gets 304).
 */
@RestController
@Tag(name = ApiConfiguration.CONTENT)
@ErrorResponses(400)
@RequestMapping(path = "/api/v1", produces = "application/json")
class ContentApiController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int IMAGE_WIDTH = 1200;
    private static final Set<String> LIST_PARAMETERS = Set.of("language", "section", "tag", "author",
            "updated_since", "limit", "cursor");
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(30));

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final StoryLinks links;

    ContentApiController(Stories stories, Taxonomy taxonomy, MediaLibrary media, PublicUrls urls, StoryLinks links) {
        this.links = links;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.media = media;
        this.urls = urls;
    }

    /** Published versions, the most recently changed first, filtered and paged. */
    @GetMapping("/stories")
    @Operation(operationId = "listStories", summary = "Published versions, most recently changed first",
            description = "Follow `nextCursor` (or `next`, or the Link rel=\"next\" header) for the next page; "
                    + "the last page has none.")
    ResponseEntity<StoryList> stories(
            @Parameter(description = "Only versions in this language.", example = "en",
                    schema = @Schema(allowableValues = {"uk", "en", "ru"}))
            @RequestParam(required = false) @Nullable String language,
            @Parameter(description = "A section's slug.", example = "politics")
            @RequestParam(required = false) @Nullable String section,
            @Parameter(description = "A tag's slug.", example = "energy")
            @RequestParam(required = false) @Nullable String tag,
            @Parameter(description = "An author's slug.", example = "olena-marchenko")
            @RequestParam(required = false) @Nullable String author,
            @Parameter(description = "Only versions changed at or after this time (with its offset).",
                    example = "2026-11-25T14:05:00Z", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "updated_since", required = false) @Nullable String updatedSince,
            @Parameter(description = "Stories per page, 1 to 100.", example = "20",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "The `nextCursor` of the previous page.")
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        rejectUnknownParameters(request, LIST_PARAMETERS);
        int size = limit(limit);
        var query = new StoryQuery(
                language == null ? null : language(language, "language"),
                section == null ? null : taxonomy.section(slug(section, "section"))
                        .orElseThrow(() -> unknown("section", section)).id(),
                tag == null ? null : taxonomy.tag(slug(tag, "tag")).orElseThrow(() -> unknown("tag", tag)).id(),
                author == null ? null : taxonomy.author(slug(author, "author"))
                        .orElseThrow(() -> unknown("author", author)).id(),
                updatedSince == null ? null : instant(updatedSince),
                cursor == null ? null : Cursor.read(cursor),
                size + 1);
        SurrogateKeys.add(request, "api");
        if (query.language() != null) {
            SurrogateKeys.add(request, SurrogateKeys.language(query.language()));
        }
        if (query.sectionId() != null) {
            SurrogateKeys.add(request, SurrogateKeys.section(query.sectionId()));
        }
        if (query.tagId() != null) {
            SurrogateKeys.add(request, SurrogateKeys.tag(query.tagId()));
        }
        if (query.authorId() != null) {
            SurrogateKeys.add(request, SurrogateKeys.author(query.authorId()));
        }
        var found = stories.changes(query);
        var cards = found.subList(0, Math.min(size, found.size()));
        // each item names its section: a renamed or moved section changes the listing
        cards.forEach(card -> SurrogateKeys.add(request, SurrogateKeys.section(card.section().id())));
        var assets = media.find(cards.stream().map(StoryCard::leadImage).filter(Objects::nonNull)
                .map(LeadImage::mediaId).collect(Collectors.toSet()));
        var items = cards.stream().map(card -> summary(card, assets)).toList();
        String nextCursor = null;
        String next = null;
        if (found.size() > size) {
            nextCursor = Cursor.after(cards.getLast());
            var sameQuery = new LinkedHashMap<String, @Nullable String>();
            sameQuery.put("language", language);
            sameQuery.put("section", section);
            sameQuery.put("tag", tag);
            sameQuery.put("author", author);
            sameQuery.put("updated_since", updatedSince);
            sameQuery.put("limit", limit);
            sameQuery.put("cursor", nextCursor);
            next = urls.absolute(urls.apiStories(sameQuery.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"))));
        }
        cards.forEach(card -> SurrogateKeys.add(request, SurrogateKeys.story(card.id())));
        var response = ResponseEntity.ok().cacheControl(CACHING);
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new StoryList(items, nextCursor, next));
    }

    /** One language version of a published story with its body as structured blocks. */
    @GetMapping("/stories/{id:\\d{1,18}}/{language}")
    @Operation(operationId = "getStory", summary = "One published language version with its body")
    @ErrorResponses({404, 410})
    ResponseEntity<StoryResponse> story(@Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The version's language.", example = "en",
                    schema = @Schema(allowableValues = {"uk", "en", "ru"})) @PathVariable String language,
            HttpServletRequest request) {
        rejectUnknownParameters(request, Set.of());
        var lang = Language.fromCode(language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no language '" + language + "'; use uk, en or ru."));
        var story = stories.published(id, lang).orElseThrow(() -> stories.wasPublished(id, lang)
                ? new ResponseStatusException(HttpStatus.GONE, "This story has been withdrawn.")
                : new ResponseStatusException(HttpStatus.NOT_FOUND, "No published story " + id + " in " + lang.code() + "."));
        SurrogateKeys.add(request, "api", SurrogateKeys.story(id), SurrogateKeys.section(story.section().id()));
        story.tags().forEach(tag -> SurrogateKeys.add(request, SurrogateKeys.tag(tag.id())));
        story.authors().forEach(author -> SurrogateKeys.add(request, SurrogateKeys.author(author.id())));
        StoryLinks.linkedFrom(story.body()).forEach(linked -> SurrogateKeys.add(request, SurrogateKeys.story(linked)));
        return ResponseEntity.ok().cacheControl(CACHING).body(full(story));
    }

    @GetMapping("/sections")
    @Operation(operationId = "listSections", summary = "Every section with its name in each language")
    ResponseEntity<List<SectionResponse>> sections(HttpServletRequest request) {
        rejectUnknownParameters(request, Set.of());
        SurrogateKeys.add(request, "api", "sections");
        return ResponseEntity.ok().cacheControl(CACHING).body(taxonomy.sectionDetails().stream()
                .map(s -> new SectionResponse(s.id(), s.slug(), names(s.name()), names(s.description()), s.inNavigation(),
                        everyLanguage(l -> urls.section(l, s.section()))))
                .toList());
    }

    @GetMapping("/tags")
    @Operation(operationId = "listTags", summary = "Every tag with its name in each language")
    ResponseEntity<List<TagResponse>> tags(HttpServletRequest request) {
        rejectUnknownParameters(request, Set.of());
        SurrogateKeys.add(request, "api", "tags");
        return ResponseEntity.ok().cacheControl(CACHING).body(taxonomy.findTags("").stream()
                .map(t -> new TagResponse(t.id(), t.slug(), names(t.name()), names(t.description()),
                        everyLanguage(l -> urls.tag(l, t.tag()))))
                .toList());
    }

    @GetMapping("/authors")
    @Operation(operationId = "listAuthors", summary = "Every author with name and biography in each language")
    ResponseEntity<List<AuthorResponse>> authors(HttpServletRequest request) {
        rejectUnknownParameters(request, Set.of());
        SurrogateKeys.add(request, "api", "authors");
        return ResponseEntity.ok().cacheControl(CACHING).body(taxonomy.authors().stream()
                .map(a -> new AuthorResponse(a.id(), a.slug(), names(a.name()), names(a.bio()), names(a.jobTitle()),
                        a.links(), everyLanguage(l -> urls.author(l, a))))
                .toList());
    }

    private StorySummary summary(StoryCard card, Map<Long, MediaAsset> assets) {
        var lead = card.leadImage();
        return new StorySummary(card.id(), card.language().code(), urls.absolute(urls.story(card)),
                urls.absolute(urls.apiStory(card.id(), card.language())), card.headline(), card.standfirst(),
                section(card.section(), card.language()),
                lead == null ? null : image(assets.get(lead.mediaId()), lead.caption(), lead.credit(), lead.alt()),
                card.publishedAt(), card.updatedAt());
    }

    private StoryResponse full(PublishedStory story) {
        var lang = story.language();
        var imageIds = new java.util.HashSet<Long>();
        story.body().forEach(b -> {
            if (b instanceof Block.Image i) {
                imageIds.add(i.mediaId());
            }
        });
        var lead = story.leadImage();
        if (lead != null) {
            imageIds.add(lead.mediaId());
        }
        var assets = media.find(imageIds);
        var readAlso = stories.cards(story.body().stream().filter(Block.ReadAlso.class::isInstance)
                .map(b -> ((Block.ReadAlso) b).storyId()).toList(), lang).stream()
                .collect(Collectors.toMap(StoryCard::id, Function.identity()));
        var targets = links.of(story.body(), lang, true);
        var body = new ArrayList<BlockResponse>();
        for (var block : story.body()) {
            var response = switch (block) {
                case Block.Paragraph p -> new BlockResponse.Paragraph(p.id(), rich(p.text(), targets, lang));
                case Block.Subheading s -> new BlockResponse.Subheading(s.id(), rich(s.text(), targets, lang));
                case Block.Quote q -> new BlockResponse.Quote(q.id(), rich(q.text(), targets, lang), q.speaker(),
                        q.role());
                case Block.BulletList l -> new BlockResponse.ItemList(l.id(), l.ordered(),
                        l.items().stream().map(item -> rich(item, targets, lang)).toList());
                case Block.Embed e -> new BlockResponse.Embed(e.id(), e.url(), e.title());
                case Block.Image i -> {
                    var image = image(assets.get(i.mediaId()), i.caption().text(), i.credit(), i.alt());
                    yield image == null ? null
                            : new BlockResponse.Image(i.id(), image, rich(i.caption(), targets, lang));
                }
                case Block.ReadAlso r -> {
                    var target = readAlso.get(r.storyId());
                    yield target == null ? null : new BlockResponse.ReadAlso(r.id(), target.id(), target.headline(),
                            urls.absolute(urls.story(target)), urls.absolute(urls.apiStory(target.id(), lang)));
                }
            };
            if (response != null) {
                body.add(response);
            }
        }
        var translations = new LinkedHashMap<String, String>();
        story.liveSlugs().keySet().stream().filter(l -> l != lang)
                .forEach(l -> translations.put(l.code(), urls.absolute(urls.apiStory(story.id(), l))));
        return new StoryResponse(story.id(), lang.code(), urls.absolute(urls.story(story.card())), story.headline(),
                story.standfirst(), section(story.section(), lang),
                story.authors().stream().map(a -> new Reference(a.id(), a.slug(), a.name().in(lang),
                        urls.absolute(urls.author(lang, a)))).toList(),
                story.tags().stream().map(t -> new Reference(t.id(), t.slug(), t.name().in(lang),
                        urls.absolute(urls.tag(lang, t)))).toList(),
                lead == null ? null : image(assets.get(lead.mediaId()), lead.caption(), lead.credit(), lead.alt()),
                story.firstPublishedAt(), story.publishedAt(), story.updatedAt(), body, translations);
    }

    /** A text as the API gives it: plain text, its marks (links to stories resolved) and the same as HTML. */
    private RichTextResponse rich(RichText text, StoryLinks.Targets targets, Language language) {
        var marks = text.marks().stream().<MarkResponse>map(mark -> switch (mark) {
            case Mark.Bold b -> new MarkResponse.Bold(b.start(), b.end());
            case Mark.Italic i -> new MarkResponse.Italic(i.start(), i.end());
            case Mark.Superscript s -> new MarkResponse.Superscript(s.start(), s.end());
            case Mark.Subscript s -> new MarkResponse.Subscript(s.start(), s.end());
            case Mark.Link l -> new MarkResponse.Link(l.start(), l.end(), l.href(), l.rel());
            case Mark.StoryLink l -> {
                var target = targets.story(l.storyId());
                var shownIn = target == null ? null
                        : target.hreflang() == null ? language : Language.fromCode(target.hreflang()).orElse(language);
                yield new MarkResponse.StoryLink(l.start(), l.end(), l.storyId(), target == null ? null : target.url(),
                        shownIn == null ? null : urls.absolute(urls.apiStory(l.storyId(), shownIn)),
                        target == null ? null : target.hreflang());
            }
        }).toList();
        return new RichTextResponse(text.text(), marks, InlineHtml.of(text, targets).html());
    }

    private Reference section(Section section, Language language) {
        return new Reference(section.id(), section.slug(), section.name().in(language),
                urls.absolute(urls.section(language, section)));
    }

    private @Nullable ImageResponse image(@Nullable MediaAsset asset, String caption, String credit, String alt) {
        if (asset == null || asset.variants().isEmpty()) {
            return null;
        }
        var variant = asset.atLeast(IMAGE_WIDTH);
        return new ImageResponse(asset.id(), urls.absolute(urls.media(asset.id(), variant.width())), variant.width(),
                variant.height(), caption, credit, alt);
    }

    private static Map<String, String> names(Localized texts) {
        var names = new LinkedHashMap<String, String>();
        Language.all().forEach(l -> names.put(l.code(), texts.in(l)));
        return names;
    }

    private Map<String, String> everyLanguage(Function<Language, String> path) {
        var links = new LinkedHashMap<String, String>();
        Language.all().forEach(l -> links.put(l.code(), urls.absolute(path.apply(l))));
        return links;
    }

    static void rejectUnknownParameters(HttpServletRequest request, Set<String> known) {
        for (var name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new BadParameter(name, "Unknown parameter '" + name + "'"
                        + (known.isEmpty() ? "; this resource takes none." : "; use " + String.join(", ", known.stream().sorted().toList()) + "."));
            }
        }
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 1) {
                throw new BadParameter(name, "Give '" + name + "' once.");
            }
        });
    }

    static Language language(String code, String parameter) {
        return Language.fromCode(code).orElseThrow(() -> new BadParameter(parameter,
                "'" + code + "' is not a language of this site; use uk, en or ru."));
    }

    static String slug(String value, String parameter) {
        if (!value.matches("[a-z0-9-]{1,80}")) {
            throw new BadParameter(parameter, "'" + parameter + "' takes a slug: a-z, 0-9 and hyphens.");
        }
        return value;
    }

    private static BadParameter unknown(String parameter, String slug) {
        return new BadParameter(parameter, "There is no " + parameter + " '" + slug + "'.");
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw new BadParameter("limit", "'limit' takes a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(limit);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameter("updated_since",
                    "'updated_since' takes a date and time with its offset, such as 2026-11-25T14:05:00Z.");
        }
    }
}
