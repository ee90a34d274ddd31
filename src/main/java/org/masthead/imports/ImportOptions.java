package org.masthead.imports;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * How to read an archive: {@code media} a local copy of the old site's uploads; {@code fetchImages} lets images
 * missing there be fetched from the exported site's own host (never another, never a private address);
 * {@code language} the language of a site without a multilingual plug-in (else the export's own);
 * {@code permalinks} the old site's permalink structure ("/%year%/%monthnum%/%postname%/") whose addresses also
 * redirect; {@code dryRun} reads and checks everything and writes nothing.
 */
public record ImportOptions(@Nullable Path media, boolean fetchImages, @Nullable Language language, String permalinks,
        boolean dryRun) {

    public ImportOptions {
        permalinks = permalinks == null ? "" : permalinks.strip();
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, null, "", false);
    }
}
