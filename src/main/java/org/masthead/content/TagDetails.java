package org.masthead.content;

import org.masthead.platform.Localized;

/** A tag as the newsroom manages it and its page shows it; {@code stories} counts the stories it is on. */
public record TagDetails(long id, String slug, Localized name, Localized description, int stories) {

    public Tag tag() {
        return new Tag(id, slug, name);
    }
}
