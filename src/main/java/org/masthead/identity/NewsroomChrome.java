package org.masthead.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;

/**
 * What the newsroom layout around every page shows: title, navigation for the person's roles,
 * the CSRF token that every form carries, and the UI strings.
 */
public record NewsroomChrome(Language language, String title, @Nullable String userName, List<NavLink> nav,
        String current, String csrfParameter, String csrfToken, String stylesheet, String script,
        UiMessages t) {

    public record NavLink(String key, String url, String text) {
    }
}
