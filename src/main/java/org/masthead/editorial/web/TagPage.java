package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.TagDraft;
import org.masthead.identity.NewsroomChrome;

/**
 * One tag's form, and the form that merges it into another ({@code into}: what was typed, a name or slug,
 * offered from {@code others}); {@code url} is its page on the site.
 */
public record TagPage(NewsroomChrome chrome, long id, TagDraft form, Map<String, String> errors, String url,
        int stories, String into, List<String> others, @Nullable String notice) {
}
