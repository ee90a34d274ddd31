package org.masthead.content;

import org.masthead.platform.Localized;

/** A tag as the newsroom manages it and its page shows it. */
public record TagDetails(long id, String slug, Localized name, Localized description) {

    public Tag tag() {
        return new Tag(id, slug, name);
    }
}
