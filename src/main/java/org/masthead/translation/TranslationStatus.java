package org.masthead.translation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/** A target version beside its source, item by item, aligned in the source's order. */
public record TranslationStatus(long storyId, Language source, Language target, int sourceRevision,
        @Nullable Integer targetRevision, List<ItemStatus> items) {

    /** How many items need the translator's attention. */
    public int behind() {
        return (int) items.stream().filter(ItemStatus::needsWork).count();
    }

    public boolean needsUpdate() {
        return targetRevision != null && behind() > 0;
    }
}
