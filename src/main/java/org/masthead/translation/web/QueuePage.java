package org.masthead.translation.web;

import java.util.List;
import org.masthead.identity.NewsroomChrome;

/** Translation work, newest first, filtered by language pair: stories' versions, then live blogs' entries. */
public record QueuePage(NewsroomChrome chrome, String from, String to, List<Option> languages, List<Row> rows,
        List<LiveRow> live) {

    /** A live blog with entries to translate into {@code language}, or translations behind their entry. */
    public record LiveRow(String url, String headline, String language, String work) {
    }

    public record Option(String value, String label) {
    }

    public record Row(String url, String headline, String pair, String work, boolean missing, String status,
            String age) {
    }
}
