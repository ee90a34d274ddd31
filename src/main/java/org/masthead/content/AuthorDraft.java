package org.masthead.content;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Localized;

/** What the newsroom writes about an author; an empty {@code slug} is made from the English name. */
public record AuthorDraft(String slug, Localized name, Localized bio, Localized jobTitle, @Nullable Long photoMediaId,
        List<String> links, @Nullable Long accountId) {

    public AuthorDraft {
        links = List.copyOf(links);
    }

    public static AuthorDraft named(String slug, Localized name, Localized bio) {
        return new AuthorDraft(slug, name, bio, Localized.EMPTY, null, List.of(), null);
    }

    public static AuthorDraft of(Author author) {
        return new AuthorDraft(author.slug(), author.name(), author.bio(), author.jobTitle(), author.photoMediaId(),
                author.links(), author.accountId());
    }
}
