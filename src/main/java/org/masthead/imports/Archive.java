package org.masthead.imports;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * What a first pass over an export learned, in terms of no platform in particular: the site, its sections, tags,
 * authors and images, the translation groups of its posts and the old address of each. Small records only, never
 * contents, so an archive of a hundred thousand posts fits in a modest heap.
 */
final class Archive {

    /** A section or a tag to be; {@code key} names it in the source ("category:world"). */
    record Term(String key, String label, boolean section, String slug, Map<Language, String> names,
            List<String> addresses, @Nullable Language language) {
    }

    record Author(String key, String label, String slug, String name, List<String> addresses) {
    }

    /** An image of the source; {@code key} names it ("media:31" for a WordPress attachment, else its address). */
    record Image(String key, String url, String caption, String credit, String alt) {
    }

    /**
     * One post or page of the source in one language. {@code group} is its translation group (the posts that become
     * one story), {@code status} WordPress's (publish, draft, pending, future, private).
     */
    record Post(String key, String label, boolean page, @Nullable Language language, String languageCode, String group,
            String status, String slug, @Nullable Instant date, @Nullable Instant modified,
            @Nullable String section, List<String> tags, List<String> authors, @Nullable String featuredImage,
            List<String> addresses, boolean source) {
    }

    /** What one translation group becomes: a story (or a page) with the filing of its source version. */
    record Group(String key, boolean page, List<String> posts, @Nullable Language sourceLanguage, @Nullable String section,
            List<String> tags, List<String> authors, @Nullable String featuredImage) {
    }

    final String source;
    final String site;
    final List<String> hosts = new ArrayList<>();
    /** The old site's path below its host ("/blog"), which its archive addresses start with. */
    String basePath = "";
    Language defaultLanguage = Language.EN;
    final Map<String, Term> terms = new LinkedHashMap<>();
    final Map<String, Author> authors = new LinkedHashMap<>();
    final Map<String, Image> images = new LinkedHashMap<>();
    final Map<String, String> imageByUrl = new HashMap<>();
    final Map<String, Post> posts = new LinkedHashMap<>();
    final Map<String, String> postByAddress = new HashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** A translation's own category that is no section of its own → the section its source version is filed in. */
    final Map<String, String> aliases = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    Archive(String source, String site) {
        this.source = source;
        this.site = site;
    }

    /** Adds a post; its addresses lead to it from links in other posts. */
    void add(Post post) {
        posts.put(post.key(), post);
        for (var address : post.addresses()) {
            postByAddress.putIfAbsent(address, post.key());
        }
    }

    void addImage(Image image) {
        images.put(image.key(), image);
        var address = address(image.url());
        if (!address.isEmpty()) {
            imageByUrl.putIfAbsent(address, image.key());
        }
    }

    /** Groups the posts by translation group, each group filed as its source version is. */
    void group() {
        var members = new LinkedHashMap<String, List<Post>>();
        for (var post : posts.values()) {
            if (post.language() != null) {
                members.computeIfAbsent(post.group(), g -> new ArrayList<>()).add(post);
            }
        }
        members.forEach((key, list) -> {
            var source = list.stream().filter(Post::source).findFirst().orElseGet(() -> list.stream()
                    .min(java.util.Comparator.comparing((Post p) -> p.date() == null ? java.time.Instant.MAX : p.date()))
                    .orElseThrow());
            String featured = source.featuredImage();
            for (var p : list) {
                if (featured == null) {
                    featured = p.featuredImage();
                }
            }
            var authors = new ArrayList<String>(source.authors());
            list.forEach(p -> p.authors().stream().filter(a -> !authors.contains(a)).forEach(authors::add));
            groups.put(key, new Group(key, source.page(), list.stream().map(Post::key).toList(), source.language(),
                    source.section(), source.tags(), authors, featured));
        });
    }

    /** The post an address of the old site names, if any (absolute on one of its hosts, or relative). */
    Optional<Post> postAt(String href) {
        var address = address(href);
        var key = postByAddress.get(address);
        return key == null ? Optional.empty() : Optional.ofNullable(posts.get(key));
    }

    /** The image at an address of the old site, size suffixes ("-300x200") tried without. */
    Optional<Image> imageAt(String src) {
        var address = address(src);
        var key = imageByUrl.get(address);
        if (key == null) {
            key = imageByUrl.get(address.replaceFirst("-\\d+x\\d+(\\.[a-z0-9]+)$", "$1"));
        }
        if (key == null) {
            key = imageByUrl.get(address.replaceFirst("-scaled(\\.[a-z0-9]+)$", "$1"));
        }
        return key == null ? Optional.empty() : Optional.ofNullable(images.get(key));
    }

    /** Whether {@code host} is the old site's. */
    boolean ownHost(@Nullable String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    void host(String url) {
        try {
            var host = URI.create(url.strip()).getHost();
            if (host != null && !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException ignored) {
            // not an address
        }
    }

    /**
     * An address of the old site as it is kept: the path (percent-decoded, lower case, without the site's base path
     * and trailing slash) with the query that names something ("?p=12"); empty for another host or no address.
     */
    String address(String href) {
        var text = href.strip();
        if (text.isEmpty()) {
            return "";
        }
        URI uri;
        try {
            uri = new URI(text.replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            return "";
        }
        if (uri.getHost() != null && !ownHost(uri.getHost())) {
            return "";
        }
        if (uri.getScheme() != null && !uri.getScheme().startsWith("http")) {
            return "";
        }
        var key = FormerAddressKey.of(uri.getRawPath() == null ? "" : uri.getRawPath(), uri.getRawQuery());
        return key.isEmpty() && uri.getHost() == null ? "" : (key.isEmpty() ? "/" : key);
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The language of a code of the source ("uk", "ua", "uk-UA", "en_US", "ru"); empty for any other. */
    static Optional<Language> language(@Nullable String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        var two = code.strip().substring(0, 2).toLowerCase(Locale.ROOT);
        if (code.strip().length() > 2 && Character.isLetterOrDigit(code.strip().charAt(2))) {
            return Optional.empty();
        }
        return switch (two) {
            case "uk", "ua" -> Optional.of(Language.UK);
            case "en" -> Optional.of(Language.EN);
            case "ru" -> Optional.of(Language.RU);
            default -> Optional.empty();
        };
    }
}
