package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SectionDraft;
import org.masthead.identity.NewsroomChrome;

/** The sections in navigation order, each with its state and actions, and the form that adds one. */
public record SectionsPage(NewsroomChrome chrome, List<Row> sections, SectionDraft form, Map<String, String> errors,
        @Nullable String notice) {

    /** {@code state} is the message key of visible, hidden or archived. */
    public record Row(long id, String name, String otherNames, String slug, int stories, String state, String url,
            boolean first, boolean last) {
    }
}
