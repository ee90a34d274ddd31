package org.masthead.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every reader page shows around its content: the publication's settings, the sections of the
 * navigation, the pages of the footer and the pages structured data names. Each node keeps it in memory
 * and checks one number in the database per call ({@link LayoutVersion}, moved in the transaction of every
 * change to any of it), so a change made on any node shows on the next page rendered anywhere, at the
 * cost of one query instead of four.
 */
@Service
public class SiteLayout {

    private final LayoutVersion version;
    private final PublicationSettings publication;
    private final TaxonomyRepository taxonomy;
    private final PageRepository pages;
    private final FrontPages fronts;
    private final Stories stories;
    private final AtomicReference<@Nullable Layout> cached = new AtomicReference<>();

    SiteLayout(LayoutVersion version, PublicationSettings publication, TaxonomyRepository taxonomy,
            PageRepository pages, FrontPages fronts, Stories stories) {
        this.fronts = fronts;
        this.stories = stories;
        this.version = version;
        this.publication = publication;
        this.taxonomy = taxonomy;
        this.pages = pages;
    }

    /** {@code footer} and {@code purposes} hold, per language, the live pages listed in the footer and those with a purpose. */
    public record Layout(long version, Publication publication, List<Section> navigation,
            Map<Language, List<FooterLink>> footer, Map<Language, List<FooterLink>> purposes,
            Map<Language, ShownBanner> banners) {

        /** {@code language}'s breaking-news banner if one is shown at {@code now}. */
        public @Nullable ShownBanner banner(Language language, java.time.Instant now) {
            var banner = banners.get(language);
            return banner == null || !banner.banner().shownAt(now) ? null : banner;
        }

        public List<FooterLink> footer(Language language) {
            return footer.getOrDefault(language, List.of());
        }

        public List<FooterLink> purposes(Language language) {
            return purposes.getOrDefault(language, List.of());
        }
    }

    @Transactional(readOnly = true)
    public Layout current() {
        // the number first: data read after it is as new as it or newer, so a cache is never older than its number
        long now = version.current();
        var known = cached.get();
        if (known != null && known.version() == now) {
            return known;
        }
        var footer = new EnumMap<Language, List<FooterLink>>(Language.class);
        var purposes = new EnumMap<Language, List<FooterLink>>(Language.class);
        for (var language : Language.all()) {
            footer.put(language, pages.footer(language));
            purposes.put(language, pages.withPurpose(language));
        }
        var banners = new EnumMap<Language, ShownBanner>(Language.class);
        fronts.banners().forEach((language, banner) -> stories.cards(List.of(banner.storyId()), language).stream()
                .findFirst().ifPresent(card -> banners.put(language, new ShownBanner(banner, card))));
        var loaded = new Layout(now, publication.current(), taxonomy.navigation(), Map.copyOf(footer),
                Map.copyOf(purposes), Map.copyOf(banners));
        cached.set(loaded);
        return loaded;
    }

    /** A banner with the card of the story it links to (its address in the banner's language). */
    public record ShownBanner(FrontPages.Banner banner, StoryCard story) {
    }
}
