package org.masthead.site;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Addresses readers and search engines knew before the newsroom moved to Masthead (an imported site's permalinks,
 * archives and feeds). The reader site asks before it answers 404, and for {@code /} with a query, and sends the
 * reader on with a permanent redirect.
 */
public interface FormerAddresses {

    /** The path (and query) on this site that {@code path} with {@code query} leads to now, if it was a known address. */
    Optional<String> moved(String path, @Nullable String query);
}
