package org.masthead.search;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * One search over the versions of one language. {@code section}, {@code tag} and {@code month} narrow
 * the results (they are facet values); {@code facets} asks for the counts of those values.
 */
public record SearchQuery(Language language, QueryText text, Visibility visibility, SearchOrder order,
        @Nullable String section, @Nullable String tag, @Nullable YearMonth month, int offset, int limit,
        boolean facets) {
}
