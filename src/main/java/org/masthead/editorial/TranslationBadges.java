package org.masthead.editorial;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.masthead.platform.Language;

/**
 * Which language versions of stories are behind their source. The translation desk implements it;
 * it is declared here so that the story desk can show the badges without depending on the
 * translation module, which itself acts on stories through {@link EditorialWorkflow}.
 */
public interface TranslationBadges {

    /** For each of {@code storyIds} that has any, the languages whose version needs an update. */
    Map<Long, Set<Language>> behind(Collection<Long> storyIds);
}
