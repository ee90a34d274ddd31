package org.masthead.content;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Localized;

/** The settings an admin saves; {@code defaultLanguage} and {@code timeZone} as typed, checked on save. */
public record PublicationDraft(Localized name, @Nullable Long logoMediaId, String defaultLanguage, String timeZone,
        List<String> socialLinks) {

    public PublicationDraft {
        socialLinks = List.copyOf(socialLinks);
    }
}
