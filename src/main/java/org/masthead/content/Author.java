package org.masthead.content;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Localized;

/**
 * A byline: a person or an agency, separate from newsroom accounts (guest writers have none).
 * {@code links} are the addresses of the author's other profiles ({@code rel="me"}, {@code sameAs});
 * {@code accountId} optionally names the newsroom account that writes under this byline.
 */
public record Author(long id, String slug, Localized name, Localized bio, Localized jobTitle,
        @Nullable Long photoMediaId, List<String> links, @Nullable Long accountId) {

    public Author {
        links = List.copyOf(links);
    }
}
