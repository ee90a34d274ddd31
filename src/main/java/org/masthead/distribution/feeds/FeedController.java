package org.masthead.distribution.feeds;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.StoryFilter;
import org.masthead.content.Taxonomy;
import org.masthead.distribution.DistributionProperties;
import org.masthead.platform.Language;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.FeedFormat;
import org.masthead.site.PublicUrls;
import org.masthead.site.CurrentLayout;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The feed of every list page, beside it: {@code /en/feed/rss.xml}, {@code /en/politics/feed/atom.xml},
 * {@code /en/tag/energy/feed/rss-full.xml}, {@code /en/author/olena-marchenko/feed/atom-full.xml}.
 * The {@code -full} variants carry the whole story; the others the standfirst.
 */
@RestController
class FeedController {

    private static final String FILE = "{file:(?:rss|atom)(?:-full)?\\.xml}";
    static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(2)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(60)).staleIfError(Duration.ofHours(6));

    private final StoryFeeds feeds;
    private final Taxonomy taxonomy;
    private final PublicUrls urls;
    private final CurrentLayout publication;
    private final MessageSource messages;
    private final DistributionProperties properties;

    FeedController(StoryFeeds feeds, Taxonomy taxonomy, PublicUrls urls, CurrentLayout publication,
            MessageSource messages, DistributionProperties properties) {
        this.properties = properties;
        this.feeds = feeds;
        this.taxonomy = taxonomy;
        this.urls = urls;
        this.publication = publication;
        this.messages = messages;
    }

    @GetMapping("/{lang:uk|en|ru}/feed/" + FILE)
    ResponseEntity<String> everything(@PathVariable Language lang, @PathVariable String file,
            HttpServletRequest request) {
        var list = new FeedList(urls.home(lang), siteName(lang), message(lang, "home.description"),
                StoryFilter.all(lang), List.of("home"));
        return respond(list, file, request);
    }

    @GetMapping("/{lang:uk|en|ru}/{section:[a-z0-9-]{1,80}}/feed/" + FILE)
    ResponseEntity<String> section(@PathVariable Language lang, @PathVariable String section,
            @PathVariable String file, HttpServletRequest request) {
        var found = taxonomy.section(section).orElse(null);
        if (found == null) {
            return moved(urls.feed(urls.section(lang, taxonomy.formerSection(section)
                    .orElseThrow(FeedController::notFound)), format(file), file.contains("-full")));
        }
        var name = found.name().in(lang);
        var list = new FeedList(urls.section(lang, found), name + " — " + siteName(lang),
                message(lang, "section.description", name, siteName(lang)), StoryFilter.section(lang, found.id()),
                List.of(SurrogateKeys.section(found.id())));
        return respond(list, file, request);
    }

    @GetMapping("/{lang:uk|en|ru}/tag/{tag:[a-z0-9-]{1,80}}/feed/" + FILE)
    ResponseEntity<String> tag(@PathVariable Language lang, @PathVariable String tag, @PathVariable String file,
            HttpServletRequest request) {
        var found = taxonomy.tag(tag).orElse(null);
        if (found == null) {
            // a renamed tag, or one merged into another: its feed readers follow to the surviving tag
            return moved(urls.feed(urls.tag(lang, taxonomy.formerTag(tag).orElseThrow(FeedController::notFound)),
                    format(file), file.contains("-full")));
        }
        var name = found.name().in(lang);
        var list = new FeedList(urls.tag(lang, found), message(lang, "tag.heading", name) + " — " + siteName(lang),
                message(lang, "tag.description", name), StoryFilter.tag(lang, found.id()),
                List.of(SurrogateKeys.tag(found.id())));
        return respond(list, file, request);
    }

    @GetMapping("/{lang:uk|en|ru}/author/{author:[a-z0-9-]{1,80}}/feed/" + FILE)
    ResponseEntity<String> author(@PathVariable Language lang, @PathVariable String author,
            @PathVariable String file, HttpServletRequest request) {
        var found = taxonomy.author(author).orElse(null);
        if (found == null) {
            return moved(urls.feed(urls.author(lang, taxonomy.formerAuthor(author)
                    .orElseThrow(FeedController::notFound)), format(file), file.contains("-full")));
        }
        var name = found.name().in(lang);
        var list = new FeedList(urls.author(lang, found), name + " — " + siteName(lang),
                message(lang, "author.description", name), StoryFilter.author(lang, found.id()),
                List.of(SurrogateKeys.author(found.id())));
        return respond(list, file, request);
    }

    private String siteName(Language language) {
        return publication.publication().name(language);
    }

    private static FeedFormat format(String file) {
        return file.startsWith("atom") ? FeedFormat.ATOM : FeedFormat.RSS;
    }

    private static ResponseEntity<String> moved(String path) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(java.net.URI.create(path)).build();
    }

    private ResponseEntity<String> respond(FeedList list, String file, HttpServletRequest request) {
        var format = format(file);
        var rendered = feeds.render(list, format, file.contains("-full"));
        var keys = new ArrayList<String>();
        keys.add("feed");
        keys.add(SurrogateKeys.language(list.filter().language()));
        keys.addAll(list.cacheKeys());
        keys.addAll(rendered.keys());
        SurrogateKeys.add(request, keys);
        var response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CACHING);
        var hub = properties.websub().hub();
        if (!hub.isBlank()) {
            // WebSub discovery in the response too, so a subscriber need not parse the feed to find the hub
            response.header(HttpHeaders.LINK, "<" + hub + ">; rel=\"hub\"",
                    "<" + feeds.self(list, format, file.contains("-full")) + ">; rel=\"self\"");
        }
        return response.body(rendered.xml());
    }

    private String message(Language language, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, language.locale());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
