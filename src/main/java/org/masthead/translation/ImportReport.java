package org.masthead.translation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an XLIFF import did: the items it filled in, the items it left alone because they were
 * already translated from the current source, and the units that came back without a translation.
 * {@code revision} is the new revision of the target version, or null when nothing changed. {@code rejected}
 * names the units of a live blog's entries that were left out, with why (an entry is a translation of its own, so
 * one that does not fit leaves the others to go on; a story's unit that does not fit refuses the whole file).
 */
public record ImportReport(List<String> applied, List<String> keptAlreadyTranslated, List<String> untranslatedUnits,
        @Nullable Integer revision, List<ImportRejected.Problem> rejected) {
}
