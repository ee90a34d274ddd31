package org.masthead.search;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.masthead.content.StoryStatus;
import org.masthead.platform.Language;

/**
 * One search over the versions of one language, or of every language when {@code language} is null (the
 * newsroom's search, which may not know a story's language). {@code section}, {@code tag} and {@code month} narrow
 * the results (they are facet values), and so does {@code status}, the stories' status; {@code facets}
 * asks for the counts of the facet values.
 */
public record SearchQuery(@Nullable Language language, QueryText text, Visibility visibility, SearchOrder order,
        @Nullable String section, @Nullable String tag, @Nullable YearMonth month, @Nullable StoryStatus status,
        int offset, int limit, boolean facets) {
}
