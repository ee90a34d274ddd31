package org.masthead.translation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an XLIFF import did: the items it filled in, the items it left alone because they were
 * already translated from the current source, and the units that came back without a translation.
 * {@code revision} is the new revision of the target version, or null when nothing changed.
 */
public record ImportReport(List<String> applied, List<String> keptAlreadyTranslated, List<String> untranslatedUnits,
        @Nullable Integer revision) {
}
