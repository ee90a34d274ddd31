package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.TagDraft;
import org.masthead.identity.NewsroomChrome;

/** Tags found by {@code query} (all when blank) and the form that adds one. */
public record TagsPage(NewsroomChrome chrome, String query, List<Row> tags, int total, TagDraft form,
        Map<String, String> errors, @Nullable String notice) {

    /** {@code untranslated}: the tag has the same name in every language, as a tag typed in a story's form gets. */
    public record Row(long id, String name, String otherNames, String slug, int stories, boolean untranslated) {
    }
}
