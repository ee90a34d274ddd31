package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.masthead.content.Block;
import org.masthead.content.PublishedStory;
import org.masthead.content.StoryCard;
import org.masthead.platform.Language;
import org.masthead.platform.web.SurrogateKeys;
import org.masthead.site.StoryLinks;

/**
 * Tags reader pages with what they show, so the page cache and CDNs can drop a page when any of it
 * changes. Every page carries {@link SurrogateKeys#LAYOUT}: its navigation, footer and title change with
 * the sections, static pages and the publication's name. Tagged pages are cached with Cache-Control chosen by the cache (see masthead.cache).
 */
final class ReaderKeys {

    private ReaderKeys() {
    }

    /**
     * A story page shows the story, its section, tags and authors, related stories picked from the same
     * section and tags (a story published there may change the related list), and the stories its body
     * links to (a changed slug changes the link).
     */
    static void story(HttpServletRequest request, PublishedStory story, Collection<StoryCard> related) {
        SurrogateKeys.add(request, SurrogateKeys.LAYOUT, SurrogateKeys.story(story.id()),
                SurrogateKeys.section(story.section().id()), SurrogateKeys.language(story.language()));
        story.tags().forEach(tag -> SurrogateKeys.add(request, SurrogateKeys.tag(tag.id())));
        story.authors().forEach(author -> SurrogateKeys.add(request, SurrogateKeys.author(author.id())));
        cards(request, related);
        // the page shows the address and headline of every story its body links to or points to
        StoryLinks.linkedFrom(story.body()).forEach(id -> SurrogateKeys.add(request, SurrogateKeys.story(id),
                SurrogateKeys.linksTo(id)));
        story.body().stream().filter(Block.ReadAlso.class::isInstance)
                .forEach(b -> SurrogateKeys.add(request, SurrogateKeys.story(((Block.ReadAlso) b).storyId())));
    }

    /** A list page: its own key ({@code home}, {@code section:…}) and every story it shows a card of. */
    static void listing(HttpServletRequest request, Language language, String key, Collection<StoryCard> cards) {
        SurrogateKeys.add(request, SurrogateKeys.LAYOUT, key, SurrogateKeys.language(language));
        cards(request, cards);
    }

    /** A static page: the page itself in its language, and the layout around it. */
    static void page(HttpServletRequest request, long pageId, Language language) {
        SurrogateKeys.add(request, SurrogateKeys.LAYOUT, SurrogateKeys.page(pageId), SurrogateKeys.language(language));
    }

    private static void cards(HttpServletRequest request, Collection<StoryCard> cards) {
        cards.forEach(card -> SurrogateKeys.add(request, SurrogateKeys.story(card.id())));
    }
}
