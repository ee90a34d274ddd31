package org.masthead.imports.web;

import java.util.List;
import java.util.Map;
import org.masthead.identity.NewsroomChrome;

/**
 * The import page: the form to upload an export (kept as sent when it is refused, {@code errors} by field) and the
 * latest runs. {@code maxUpload} is the largest upload taken, as people read it; {@code busy} while a run is under way;
 * {@code mediaRoots} the folders a media folder may lie under, empty when none is allowed.
 */
public record ImportsPage(NewsroomChrome chrome, Form form, Map<String, String> errors, List<Row> runs, String maxUpload,
        boolean busy, String mediaRoots) {

    /** What the admin chose; {@code media} a folder of the server with the old site's uploads, or empty. */
    public record Form(String source, String language, String permalinks, String media, boolean fetchImages,
            boolean dryRun) {

        static final Form EMPTY = new Form("wordpress", "", "", "", false, false);
    }

    public record Row(long id, String fileName, String source, String status, String started, String startedBy,
            String summary) {
    }
}
