package org.masthead.content;

import org.masthead.platform.Localized;

/**
 * What the newsroom writes about a section when it creates or changes one. An empty {@code slug} is made
 * from the English name (or, without one, the Ukrainian name transliterated).
 */
public record SectionDraft(String slug, Localized name, Localized description, Localized seoTitle,
        Localized seoDescription, boolean hidden, boolean archived) {

    public static SectionDraft named(String slug, Localized name) {
        return new SectionDraft(slug, name, Localized.EMPTY, Localized.EMPTY, Localized.EMPTY, false, false);
    }

    public static SectionDraft of(SectionDetails section) {
        return new SectionDraft(section.slug(), section.name(), section.description(), section.seoTitle(),
                section.seoDescription(), section.hidden(), section.archived());
    }
}
