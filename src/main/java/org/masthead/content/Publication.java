package org.masthead.content;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Localized;
import org.masthead.platform.Language;

/**
 * The publication as readers and machines see it: its name in each language, its logo (an image of the
 * media library; without one, the configured logo file), the language of {@code /}, the time zone its
 * dates are shown in, and its own profiles elsewhere ({@code sameAs}). {@code named} tells whether the
 * newsroom has set the name itself rather than keeping the configured default.
 */
public record Publication(Localized name, @Nullable Long logoMediaId, Language defaultLanguage, ZoneId timeZone,
        List<String> socialLinks, boolean named) {

    public Publication {
        socialLinks = List.copyOf(socialLinks);
    }

    public String name(Language language) {
        return name.in(language);
    }
}
