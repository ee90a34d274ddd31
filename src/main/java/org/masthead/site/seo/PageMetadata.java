package org.masthead.site.seo;

import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Author;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageVersion;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data of the pages that are not stories: an author's {@code ProfilePage} (a {@code Person}
 * with job title, photo and {@code sameAs} profiles) and a static page ({@code AboutPage},
 * {@code ContactPage} or {@code WebPage}, published by the publisher).
 */
@Component
public class PageMetadata {

    private final Publisher publisher;
    private final PublicUrls urls;
    private final JsonMapper json;

    PageMetadata(Publisher publisher, PublicUrls urls, JsonMapper json) {
        this.publisher = publisher;
        this.urls = urls;
        this.json = json;
    }

    /** JSON-LD (safe inside a script element) of an author's page. */
    public String author(Author author, Language language, @Nullable String photoUrl) {
        var url = urls.absolute(urls.author(language, author));
        var person = new LinkedHashMap<String, Object>();
        person.put("@type", "Person");
        person.put("@id", url + "#person");
        person.put("name", author.name().in(language));
        person.put("url", url);
        if (!author.jobTitle().in(language).isBlank()) {
            person.put("jobTitle", author.jobTitle().in(language));
        }
        if (!author.bio().in(language).isBlank()) {
            person.put("description", author.bio().in(language));
        }
        if (photoUrl != null) {
            person.put("image", photoUrl);
        }
        if (!author.links().isEmpty()) {
            person.put("sameAs", author.links());
        }
        person.put("worksFor", publisher.organization(language));
        var page = new LinkedHashMap<String, Object>();
        page.put("@context", "https://schema.org");
        page.put("@type", "ProfilePage");
        page.put("url", url);
        page.put("inLanguage", language.code());
        page.put("mainEntity", person);
        return JsonLd.forScriptElement(json.writeValueAsString(page));
    }

    /** JSON-LD of a static page at {@code url}. */
    public String page(PageVersion version, PagePurpose purpose, String url) {
        var page = new LinkedHashMap<String, Object>();
        page.put("@context", "https://schema.org");
        page.put("@type", purpose.pageType());
        page.put("@id", url);
        page.put("url", url);
        page.put("name", version.title());
        if (!version.summary().isBlank()) {
            page.put("description", version.summary());
        }
        page.put("inLanguage", version.language().code());
        page.put("dateModified", version.updatedAt().toString());
        var organization = publisher.organization(version.language());
        page.put("publisher", organization);
        if (purpose == PagePurpose.ABOUT || purpose == PagePurpose.CONTACT) {
            page.put("about", List.of(organization.get("name")));
        }
        return JsonLd.forScriptElement(json.writeValueAsString(page));
    }
}
