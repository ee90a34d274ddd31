package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/**
 * A new or existing author profile ({@code id} 0 for a new one): the form, the photos of the media library
 * and the accounts it may be linked to; {@code url} is the author's page on the site.
 */
public record AuthorPage(NewsroomChrome chrome, long id, AuthorForm form, Map<String, String> errors,
        List<Option> photos, List<Option> accounts, @Nullable String url, int stories, boolean suggested,
        @Nullable String notice) {

    public record Option(String value, String label) {
    }
}
