package org.masthead.imports.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/**
 * One run: its progress while it is under way ({@code progressUrl} is polled by {@code script}; without the
 * script a reload shows the same), then its report a page at a time, filtered by outcome, and the links to the
 * whole report as CSV and JSON.
 */
public record ImportRunPage(NewsroomChrome chrome, Run run, String script, List<Filter> filters, List<Line> lines,
        @Nullable String previous, @Nullable String next) {

    public record Run(long id, String fileName, String source, boolean dryRun, String status, boolean ended,
            boolean failed, int total, int done, int percent, String progress, String message, String started,
            String startedBy, String progressUrl, String csvUrl, String jsonUrl) {
    }

    /** A choice of the lines shown: all, or one outcome with its count. */
    public record Filter(String label, String url, boolean current) {
    }

    public record Line(String sourceId, String type, String outcome, String outcomeKey, String target, String reason) {
    }
}
