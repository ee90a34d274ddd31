package org.masthead.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;

/**
 * What the newsroom layout around every page shows: title, navigation for the person's roles,
 * the CSRF token that every form carries, the scripts that enhance pages where they run (htmx, and the
 * toolbar editor for texts with marks), and the UI strings.
 */
public record NewsroomChrome(Language language, String title, @Nullable String userName, List<NavLink> nav,
        String current, String csrfParameter, String csrfToken, String stylesheet, String script,
        String editorScript, UiMessages t) {

    public record NavLink(String key, String url, String text) {
    }
}
