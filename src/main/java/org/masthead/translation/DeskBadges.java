package org.masthead.translation;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.masthead.editorial.TranslationBadges;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The story desk's "needs update" badges, read from the counts the tracker keeps. */
@Component
class DeskBadges implements TranslationBadges {

    private final TranslationRecords records;

    DeskBadges(TranslationRecords records) {
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Set<Language>> behind(Collection<Long> storyIds) {
        return records.behind(storyIds);
    }
}
