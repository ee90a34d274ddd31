package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The event stream of a live blog in one language: every entry posted, corrected or withdrawn after the page the
 * reader has (its {@code after}), or after the last event the browser received ({@code Last-Event-ID}, which
 * wins, on a reconnect). Under /live/, which the page cache never touches: streams are never cached or buffered.
 * A node that holds as many streams as it may answers 503 with {@code Retry-After} instead.
 */
@Controller
class LiveController {

    private final LiveBlogs blogs;
    private final Stories stories;
    private final LiveStreams streams;

    LiveController(LiveBlogs blogs, Stories stories, LiveStreams streams) {
        this.blogs = blogs;
        this.stories = stories;
        this.streams = streams;
    }

    @GetMapping(path = "/live/{id:\\d{1,18}}/{lang:uk|en|ru}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(@PathVariable long id, @PathVariable Language lang,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEvent,
            @RequestParam(required = false) @Nullable String after, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (blogs.find(id).isEmpty() || stories.cards(java.util.List.of(id), lang).isEmpty()) {
            throw PageNotFound.in(lang);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // proxies that buffer responses would hold the events back
        response.setHeader("X-Accel-Buffering", "no");
        long from = number(lastEvent);
        if (from < 0) {
            from = number(after);
        }
        if (from < 0) {
            from = blogs.lastChange(id);
        }
        streams.follow(id, lang, from, request, response);
    }

    /**
     * The breaking-news banner of {@code lang} as an event stream, for the reader pages that are no live blog: the
     * banner as it is now at once (a page from a cache may be older than it), then each change and expiry.
     */
    @GetMapping(path = "/live/banner/{lang:uk|en|ru}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void banner(@PathVariable Language lang, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        streams.followBanner(lang, request, response);
    }

    private static long number(@Nullable String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
