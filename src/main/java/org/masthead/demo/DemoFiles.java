package org.masthead.demo;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The shape of the files under {@code src/main/resources/demo} (see the README there). */
final class DemoFiles {

    private DemoFiles() {
    }

    record Newsroom(List<Named> sections, List<Person> authors, List<Named> tags) {
    }

    record Named(String slug, Map<String, String> names) {
    }

    record Person(String slug, Map<String, String> names, Map<String, String> bios) {
    }

    record Story(String key, String section, List<String> authors, List<String> tags, int publishedHoursAgo,
            @Nullable Integer updatedHoursAgo, Image image, Map<String, Version> versions, @Nullable Live live) {
    }

    /** A story run as a live blog: its entries, each written in one language and translated into the others. */
    record Live(List<LiveEntry> entries) {
    }

    /** {@code language}: the one the entry is written in (Ukrainian when absent); {@code texts} has it and its translations. */
    record LiveEntry(int minutesAgo, boolean keyEvent, String author, @Nullable String language, Map<String, Version> texts) {
    }

    record Image(String motif, Map<String, ImageText> texts) {
    }

    record ImageText(String caption, String credit, String alt) {
    }

    record Version(String headline, String standfirst, List<JsonNode> body) {
    }

    /** What the site shows besides stories: section descriptions, author profiles, static pages. */
    record Site(Map<String, Map<String, String>> sectionDescriptions, Map<String, Profile> authorProfiles,
            List<Page> pages) {
    }

    record Profile(Map<String, String> jobTitles, List<String> links) {
    }

    record Page(String purpose, boolean inFooter, Map<String, PageVersion> versions) {
    }

    record PageVersion(String slug, String title, String summary, List<JsonNode> body) {
    }
}
