package org.masthead.content;

import java.time.Instant;
import java.util.Map;
import org.masthead.platform.Language;

/**
 * A static page (about, contacts, editorial policy…) with its versions by language. {@code inFooter} lists
 * it in the footer of every reader page, in {@code position} order.
 */
public record StaticPage(long id, int position, boolean inFooter, PagePurpose purpose, Map<Language, PageVersion> versions,
        Instant createdAt, String createdBy) {

    public StaticPage {
        versions = Map.copyOf(versions);
    }

    /** The title in {@code language}, else in the first language that has one. */
    public String title(Language language) {
        var version = versions.get(language);
        if (version != null) {
            return version.title();
        }
        return Language.all().stream().filter(versions::containsKey).findFirst().map(l -> versions.get(l).title())
                .orElse("");
    }
}
