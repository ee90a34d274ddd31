package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.masthead.identity.NewsroomChrome;

/** The form that opens a story: section, source language and authors, kept as typed on error. */
public record NewStoryPage(NewsroomChrome chrome, List<StoryOverviewPage.Option> sections,
        List<StoryOverviewPage.Option> authors, String section, String language, List<String> chosenAuthors,
        Map<String, String> errors) {
}
