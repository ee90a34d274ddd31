package org.masthead.imports.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Pages;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.imports.ArchiveImports;
import org.masthead.platform.Language;
import org.masthead.site.FeedFormat;
import org.masthead.site.FormerAddresses;
import org.masthead.site.PublicUrls;
import org.masthead.site.CurrentLayout;
import org.springframework.stereotype.Component;

/**
 * The old site's addresses of an imported archive, answered with where their story, page, section, tag, author or
 * feed is now. The new address is built when asked, so it follows every rename since; a story not live in the
 * address's language leads to a live version in another, and one not live at all to nothing (the reader gets 404).
 */
@Component
class ImportedAddresses implements FormerAddresses {

    private final ArchiveImports imports;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final Pages pages;
    private final PublicUrls urls;
    private final CurrentLayout layout;

    ImportedAddresses(ArchiveImports imports, Stories stories, Taxonomy taxonomy, Pages pages, PublicUrls urls,
            CurrentLayout layout) {
        this.imports = imports;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
        this.layout = layout;
    }

    @Override
    public Optional<String> moved(String path, @Nullable String query) {
        return imports.formerAddress(path, query).flatMap(this::now);
    }

    private Optional<String> now(ArchiveImports.FormerAddress address) {
        var language = address.language() != null ? address.language() : layout.publication().defaultLanguage();
        Optional<String> list = switch (address.kind()) {
            case "story" -> story(address.targetId(), language);
            case "page" -> pages.find(address.targetId()).flatMap(page -> {
                var preferred = new ArrayList<Language>(List.of(language));
                Language.all().stream().filter(l -> l != language).forEach(preferred::add);
                return preferred.stream().map(l -> page.versions().get(l)).filter(v -> v != null && v.live()).findFirst()
                        .map(v -> urls.page(v.language(), v.slug()));
            });
            case "section" -> taxonomy.sectionDetails(address.targetId()).map(s -> urls.section(language, s.slug()));
            case "tag" -> taxonomy.tags(List.of(address.targetId())).stream().findFirst().map(t -> urls.tag(language, t));
            case "author" -> taxonomy.authorDetails(address.targetId()).map(a -> urls.author(language, a.author()));
            case "home" -> Optional.of(urls.home(language));
            default -> Optional.empty();
        };
        return address.feed() ? list.map(path -> urls.feed(path, FeedFormat.RSS, false)) : list;
    }

    /** The story in the address's language, else in its source language, else in another (uk, en, ru). */
    private Optional<String> story(long id, Language language) {
        var details = stories.details(id);
        if (details.isEmpty()) {
            return Optional.empty();
        }
        var preferred = new ArrayList<Language>(List.of(language, details.get().sourceLanguage()));
        Language.all().stream().filter(l -> !preferred.contains(l)).forEach(preferred::add);
        for (var candidate : preferred) {
            var live = stories.published(id, candidate);
            if (live.isPresent()) {
                var story = live.get();
                return Optional.of(urls.story(candidate, story.section().slug(), story.slug(), story.id()));
            }
        }
        return Optional.empty();
    }
}
