package org.masthead.content;

import org.masthead.platform.Localized;

/**
 * A section as the newsroom manages it and its own page shows it. {@code hidden}: kept out of the
 * navigation; {@code archived}: also closed to new stories, while its page and stories keep answering.
 */
public record SectionDetails(long id, String slug, int position, Localized name, Localized description,
        Localized seoTitle, Localized seoDescription, boolean hidden, boolean archived) {

    public Section section() {
        return new Section(id, slug, name);
    }

    /** Whether readers find it in the navigation. */
    public boolean inNavigation() {
        return !hidden && !archived;
    }
}
