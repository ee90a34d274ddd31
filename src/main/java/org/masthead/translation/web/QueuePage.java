package org.masthead.translation.web;

import java.util.List;
import org.masthead.identity.NewsroomChrome;

/** Translation work, newest first, filtered by language pair. */
public record QueuePage(NewsroomChrome chrome, String from, String to, List<Option> languages, List<Row> rows) {

    public record Option(String value, String label) {
    }

    public record Row(String url, String headline, String pair, String work, boolean missing, String status,
            String age) {
    }
}
