package org.masthead.content;

import org.masthead.platform.Localized;

/** A tag's slug, names and descriptions; an empty {@code slug} is made from a name. */
public record TagDraft(String slug, Localized name, Localized description) {

    public static TagDraft named(String slug, Localized name) {
        return new TagDraft(slug, name, Localized.EMPTY);
    }
}
