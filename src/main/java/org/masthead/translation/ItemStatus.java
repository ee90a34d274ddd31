package org.masthead.translation;

import java.util.List;
import org.masthead.content.RichText;
import org.masthead.platform.text.WordDiff;

/**
 * One item of a translation beside its source. For {@link ItemState#SOURCE_CHANGED}, {@code
 * sourceChanges} holds, for each text of the item, how the source text changed since it was translated.
 */
public record ItemStatus(String itemId, String kind, ItemState state, List<RichText> sourceTexts,
        List<RichText> targetTexts, List<List<WordDiff.Part>> sourceChanges) {

    public boolean needsWork() {
        return state != ItemState.TRANSLATED;
    }
}
