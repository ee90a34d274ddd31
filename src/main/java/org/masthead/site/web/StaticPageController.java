package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import org.masthead.content.Pages;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.masthead.site.seo.PageMetadata;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /{lang}/{slug}}: a static page, or, since sections live at {@code /{lang}/{slug}/}, a section asked
 * for without its slash. Sections and pages never share a slug, so the address is never ambiguous. A
 * former slug of either answers 301.
 */
@Controller
class StaticPageController {

    private final Pages staticPages;
    private final Taxonomy taxonomy;
    private final SitePages pages;
    private final PublicUrls urls;
    private final PageMetadata metadata;

    StaticPageController(Pages staticPages, Taxonomy taxonomy, SitePages pages, PublicUrls urls, PageMetadata metadata) {
        this.staticPages = staticPages;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
        this.metadata = metadata;
    }

    @GetMapping("/{lang:uk|en|ru}/{slug:[a-z0-9-]{1,100}}")
    ModelAndView page(@PathVariable Language lang, @PathVariable String slug, HttpServletRequest request) {
        var version = staticPages.live(lang, slug).orElse(null);
        if (version == null) {
            var section = taxonomy.section(slug).or(() -> taxonomy.formerSection(slug));
            if (section.isPresent()) {
                return Moved.to(urls.section(lang, section.get()));
            }
            var moved = staticPages.former(lang, slug).orElseThrow(() -> PageNotFound.in(lang));
            return Moved.to(urls.page(lang, moved.slug()));
        }
        var page = staticPages.find(version.pageId()).orElseThrow(() -> PageNotFound.in(lang));
        var versions = new EnumMap<Language, String>(Language.class);
        page.versions().forEach((language, v) -> {
            if (v.live()) {
                versions.put(language, urls.page(language, v.slug()));
            }
        });
        var xDefault = versions.getOrDefault(pages.defaultLanguage(), versions.get(lang));
        var title = version.seoTitle().isBlank() ? version.title() : version.seoTitle();
        var description = !version.seoDescription().isBlank() ? version.seoDescription()
                : !version.summary().isBlank() ? version.summary() : version.title();
        var here = urls.page(lang, version.slug());
        var chrome = pages.chrome(lang, title, description, here, versions, xDefault, null, java.util.List.of());
        ReaderKeys.page(request, page.id(), lang);
        return new ModelAndView("site/info", "page", new InfoPage(chrome, version.title(), version.summary(),
                pages.blocks(version.body(), lang), metadata.page(version, page.purpose(), urls.absolute(here))));
    }
}
