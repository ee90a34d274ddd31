package org.masthead.identity.web;

import java.util.List;
import java.util.Map;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;

/** One's own account: the password form (errors by field) and the UI language choice. */
public record AccountPage(NewsroomChrome chrome, String username, List<String> roles, Language uiLanguage,
        Map<String, String> errors, boolean passwordChanged) {
}
