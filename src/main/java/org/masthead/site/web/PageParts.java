package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;

/** The small value types that reader pages are made of. */
public final class PageParts {

    private PageParts() {
    }

    /**
     * Everything the shared layout shows around a page. {@code canonicalUrl} is null on pages that
     * search engines should not index (errors); {@code feeds} are the feeds offered to feed readers;
     * {@code footer} links the static pages, {@code profiles} the publication's own profiles elsewhere.
     */
    public record Chrome(Language language, String title, String description, @Nullable String canonicalUrl,
            List<Alternate> alternates, List<LanguageLink> switcher, List<Link> sections,
            @Nullable String currentSection, String siteName, String homeUrl, String stylesheet, List<FeedLink> feeds,
            SearchBox search, List<Link> footer, List<Link> profiles, @Nullable Logo logo, @Nullable Link banner,
            String bannerStream, String bannerScript, UiMessages t) {
    }

    /** The publication's logo beside its name in the header (the name stays as text; the image says nothing more). */
    public record Logo(String src, int width, int height) {
    }

    /** A {@code <link rel="alternate">} to a feed: its media type, title and address. */
    public record FeedLink(String type, String title, String url) {
    }

    /** The search form in the header: where it sends the query, and the script that suggests as one types. */
    public record SearchBox(String action, String suggestions, String script) {
    }

    /** An hreflang alternate: a language code or "x-default", and an absolute URL. */
    public record Alternate(String hreflang, String url) {
    }

    /** A language switcher entry; {@code url} is null where that version is not published. */
    public record LanguageLink(Language language, @Nullable String url, boolean current) {
    }

    public record Link(String url, String text) {
    }

    /**
     * An edited front as readers see it, on the home page or a section's first page: the lead, the top stories
     * after it, whether each (the lead first) is in a place the editors chose ({@code placed}, which the
     * preview marks), and whether this is the newsroom's preview.
     */
    public record Front(Card lead, List<Card> top, List<Boolean> placed, boolean preview) {

        /** The front of {@code cards} (the lead first), or none when there is no story to show. */
        static @Nullable Front of(List<Card> cards, List<Boolean> placed, boolean preview) {
            return cards.isEmpty() ? null : new Front(cards.getFirst(), cards.subList(1, cards.size()), placed, preview);
        }

        /** Whether the card at {@code index} (0 is the lead) is in a place the editors chose. */
        public boolean placed(int index) {
            return index < placed.size() && placed.get(index);
        }
    }

    public record Picture(String src, String srcset, String sizes, int width, int height, String alt,
            boolean eager) {
    }

    public record Card(String url, String headline, String standfirst, @Nullable Picture picture,
            NewsDates.Shown published, Link section) {
    }
}
