package org.masthead.distribution.feeds;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.masthead.content.BodyText;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.masthead.platform.text.XmlText;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Atom feed of a live blog's entries in one language, newest first: each entry links to its own anchor on the
 * live blog's page. Cached like the page and dropped with it by every entry ({@link SurrogateKeys#live}).
 */
@RestController
class LiveBlogFeedController {

    private static final int ENTRIES = 50;

    private final LiveBlogs blogs;
    private final Stories stories;
    private final PublicUrls urls;

    LiveBlogFeedController(LiveBlogs blogs, Stories stories, PublicUrls urls) {
        this.blogs = blogs;
        this.stories = stories;
        this.urls = urls;
    }

    @GetMapping(path = "/{lang:uk|en|ru}/live/{id:\\d{1,18}}/atom.xml")
    ResponseEntity<String> feed(@PathVariable Language lang, @PathVariable long id, HttpServletRequest request) {
        var blog = blogs.find(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var story = stories.cards(List.of(id), lang).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var page = urls.absolute(urls.story(story));
        var self = urls.absolute("/" + lang.code() + "/live/" + id + "/atom.xml");
        var feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitle(XmlText.clean(story.headline()));
        feed.setLanguage(lang.code());
        feed.setAlternateLinks(List.of(link(page, "alternate", "text/html")));
        feed.setOtherLinks(List.of(link(self, "self", "application/atom+xml")));
        var entries = new ArrayList<Entry>();
        var updated = story.updatedAt();
        for (var entry : blogs.entries(id, blog.showUntranslated() ? null : lang, null, ENTRIES).entries()) {
            var item = new Entry();
            var anchor = page + "#entry-" + entry.id();
            item.setId(anchor);
            item.setAlternateLinks(List.of(link(anchor, "alternate", "text/html")));
            // the translation into the feed's language, or the entry as written when shown untranslated
            var reading = entry.in(lang);
            var text = entry.withdrawn() ? "" : BodyText.plain(reading.body());
            item.setTitle(XmlText.clean(entry.withdrawn() ? "—" : reading.headline().isBlank()
                    ? text.lines().findFirst().orElse("") : reading.headline()));
            item.setPublished(Date.from(entry.postedAt()));
            var changed = latest(entry.correctedAt() == null ? entry.postedAt() : entry.correctedAt(),
                    entry.translations().get(lang));
            item.setUpdated(Date.from(changed));
            if (changed.isAfter(updated)) {
                updated = changed;
            }
            var author = new Person();
            author.setName(XmlText.clean(entry.author()));
            item.setAuthors(List.of(author));
            var content = new Content();
            content.setType("text");
            content.setValue(XmlText.clean(text));
            item.setContents(List.of(content));
            entries.add(item);
        }
        feed.setUpdated(Date.from(updated));
        feed.setEntries(entries);
        SurrogateKeys.add(request, SurrogateKeys.live(id), SurrogateKeys.live(id, lang), SurrogateKeys.story(id), "feed", SurrogateKeys.language(lang));
        var xml = FeedXml.write(feed, document -> { });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(xml);
    }

    /** When the entry last changed for this feed's readers: its correction or its translation, the later. */
    private static java.time.Instant latest(java.time.Instant changed, LiveEntry.@Nullable Translation translation) {
        return translation != null && translation.translatedAt().isAfter(changed) ? translation.translatedAt() : changed;
    }

    private static Link link(String href, String rel, String type) {
        var link = new Link();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }
}
