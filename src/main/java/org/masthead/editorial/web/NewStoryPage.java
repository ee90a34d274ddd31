package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.masthead.identity.NewsroomChrome;

/**
 * The form that opens a story: section, source language, authors and tags (typed as names,
 * comma-separated; {@code tagNames} are offered), kept as typed on error.
 */
public record NewStoryPage(NewsroomChrome chrome, List<StoryOverviewPage.Option> sections,
        List<StoryOverviewPage.Option> authors, String section, String language, List<String> chosenAuthors,
        String newTags, List<String> tagNames, boolean mayCreateTags, Map<String, String> errors) {
}
