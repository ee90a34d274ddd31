package org.masthead.identity.web;

import java.util.List;
import org.masthead.identity.NewsroomChrome;

/** The audit log, newest first, filtered by action and actor. */
public record AuditPage(NewsroomChrome chrome, List<Row> entries, List<String> actions, String action, String actor) {

    public record Row(String at, String actor, String action, String subject, String detail) {
    }
}
