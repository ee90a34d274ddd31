package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Localized;

/** The publication's settings as the form holds them, every field as typed. */
public record SettingsPage(NewsroomChrome chrome, Form form, Map<String, String> errors, List<Choice> logos,
        List<Choice> languages, List<String> zones, @Nullable String notice) {

    public record Form(Localized name, String logo, String defaultLanguage, String timeZone, String socialLinks) {
    }

    public record Choice(String value, String label) {
    }
}
