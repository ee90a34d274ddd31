package org.masthead.cache;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.platform.Language;
import org.masthead.platform.web.SurrogateKeys;

/**
 * Pages to drop: those tagged with any of {@code keys}, limited to pages in {@code languages} (pages
 * tagged with no language, such as a sitemap, always match). A story published in English only
 * leaves the Ukrainian pages of its section alone.
 */
record Eviction(Set<String> keys, Set<Language> languages) {

    Eviction {
        keys = Set.copyOf(keys);
        languages = languages.isEmpty() ? EnumSet.allOf(Language.class) : EnumSet.copyOf(languages);
    }

    static Eviction everyLanguage(Set<String> keys) {
        return new Eviction(keys, Set.of());
    }

    boolean matches(CachedPage page) {
        if (keys.contains(SurrogateKeys.EVERYTHING)) {
            return true;
        }
        if (!page.taggedWithAny(keys)) {
            return false;
        }
        boolean tagged = false;
        for (var language : Language.values()) {
            if (page.keys().contains(SurrogateKeys.language(language))) {
                tagged = true;
                if (languages.contains(language)) {
                    return true;
                }
            }
        }
        return !tagged;
    }

    /** {@code "en,uk|story:1 section:2"}: the form in which evictions travel to other nodes. */
    String encode() {
        return languages.stream().map(Language::code).collect(Collectors.joining(",")) + "|" + String.join(" ", keys);
    }

    static Eviction decode(String message) {
        int bar = message.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("Not an eviction: " + message);
        }
        var languages = EnumSet.noneOf(Language.class);
        for (var code : message.substring(0, bar).split(",")) {
            Language.fromCode(code).ifPresent(languages::add);
        }
        var keys = new LinkedHashSet<>(Arrays.asList(message.substring(bar + 1).split(" ")));
        keys.remove("");
        return new Eviction(keys, languages);
    }
}
