package org.masthead.imports;

import java.nio.file.Path;

/** A Ghost export (JSON). */
final class GhostImport {

    static final String SOURCE = "ghost";

    private final ArchiveWriter writer;
    private final Path file;
    private final ImportOptions options;
    private final ArchiveImports.Progress progress;

    GhostImport(ArchiveWriter writer, Path file, ImportOptions options, ArchiveImports.Progress progress) {
        this.writer = writer;
        this.file = file;
        this.options = options;
        this.progress = progress;
    }

    ImportReport run() {
        throw new ArchiveImports.InvalidArchive("Ghost exports are read from a later version on");
    }
}
