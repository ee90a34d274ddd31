package org.masthead.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * The cache keys of a response: what must change for the response to be stale. Controllers tag
 * what they render; the page cache stores the keys with the response, sends them as
 * {@code Surrogate-Key}/{@code Cache-Tag} headers for a CDN, and evicts by key when content changes.
 *
 * <p>Key names: {@code story:{id}}, {@code section:{id}}, {@code section-front:{id}}, {@code tag:{id}}, {@code author:{id}},
 * {@code page:{id}}, {@code lang:{code}}, {@code home}, {@code feed}, {@code sitemap}, {@code api},
 * {@code search}, {@code sections}, {@code tags}, {@code authors}, {@code pages} (the lists of the content
 * API) and {@link #LAYOUT}.
 */
public final class SurrogateKeys {

    /**
     * Every reader page that shows the layout around its content: the navigation of sections, the footer's
     * static pages and the publication's name. A change to any of those changes all of these pages.
     */
    public static final String LAYOUT = "layout";

    /**
     * Every reader page that shows the layout, in the language of its {@code lang:} key: they carry the
     * breaking-news banner of their language (or the place for one), so setting, clearing or the expiry of a
     * banner drops them all by this one key.
     */
    public static final String BANNER = "banner";

    /** Matches every cached response, whatever its keys: for changes that show everywhere (the publication's name). */
    public static final String EVERYTHING = "*";

    private static final String ATTRIBUTE = SurrogateKeys.class.getName();

    private SurrogateKeys() {
    }

    public static void add(HttpServletRequest request, String... keys) {
        keysOf(request).addAll(List.of(keys));
    }

    public static void add(HttpServletRequest request, Iterable<String> keys) {
        keys.forEach(keysOf(request)::add);
    }

    /** The keys tagged so far for this request, in the order they were added. */
    public static Set<String> of(HttpServletRequest request) {
        var keys = request.getAttribute(ATTRIBUTE);
        return keys == null ? Set.of() : Collections.unmodifiableSet(castKeys(keys));
    }

    public static String story(long id) {
        return "story:" + id;
    }

    /**
     * Pages whose text links to story {@code id}: a link may show a version in another language than the
     * page's own, so any change of that story reaches these pages in every language.
     */
    public static String linksTo(long id) {
        return "links-to:" + id;
    }

    /** The pages of live blog {@code id} that show its entries: the live blog itself and its feed of entries. */
    public static String live(long id) {
        return "live:" + id;
    }

    /** The pages of live blog {@code id} in {@code language} alone: a translation of an entry changes only these. */
    public static String live(long id, Language language) {
        return "live:" + id + ":" + language.code();
    }

    public static String section(long id) {
        return "section:" + id;
    }

    /**
     * The page that lays out an edited front: the home page ({@code home}) or, for {@code sectionId}, the first
     * page of the section ({@code section-front:{id}}). A new arrangement drops that page and nothing else, where
     * {@link #section} would also drop every story page filed in the section.
     */
    public static String front(@Nullable Long sectionId) {
        return sectionId == null ? "home" : "section-front:" + sectionId;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String page(long id) {
        return "page:" + id;
    }

    public static String language(Language language) {
        return "lang:" + language.code();
    }

    private static Set<String> keysOf(HttpServletRequest request) {
        var keys = request.getAttribute(ATTRIBUTE);
        if (keys == null) {
            var created = new LinkedHashSet<String>();
            request.setAttribute(ATTRIBUTE, created);
            return created;
        }
        return castKeys(keys);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castKeys(Object keys) {
        return (Set<String>) keys;
    }
}
