package org.masthead.editorial.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SectionDraft;
import org.masthead.identity.NewsroomChrome;

/** One section's form, kept as typed when a change is refused; {@code url} is its page on the site. */
public record SectionPage(NewsroomChrome chrome, long id, SectionDraft form, Map<String, String> errors, String url,
        int stories, @Nullable String notice) {
}
