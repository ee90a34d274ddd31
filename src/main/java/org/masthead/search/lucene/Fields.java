package org.masthead.search.lucene;

import org.masthead.platform.Language;

/**
 * Field names of the index, the embedded one and OpenSearch's alike; text fields carry the language so each has its
 * own analyzer.
 */
public final class Fields {

    public static final String STORY = "story";
    public static final String LANGUAGE = "lang";
    public static final String LIVE = "live";
    public static final String LATEST = "latest";
    public static final String STATUS = "status";
    public static final String SECTION = "section";
    public static final String TAG = "tag";
    public static final String MONTH = "month";
    public static final String DATE = "date";
    public static final String SLUG = "slug";
    public static final String REVISION = "revision";
    /** Stored "slug TAB name" of each tag, for tag suggestions. */
    public static final String TAG_NAMES = "tag_names";
    /** Stored names of authors and quoted speakers, for name suggestions. */
    public static final String PEOPLE = "people";
    public static final String YES = "1";
    public static final String NO = "0";

    private Fields() {
    }

    public static String headline(Language language) {
        return "headline_" + language.code();
    }

    public static String standfirst(Language language) {
        return "standfirst_" + language.code();
    }

    public static String body(Language language) {
        return "body_" + language.code();
    }

    public static String tags(Language language) {
        return "tags_" + language.code();
    }

    /** Name keys (see NameKeys) of the capitalized words of the whole version. */
    public static String names(Language language) {
        return "names_" + language.code();
    }

    /** Headline words as written, for completions. */
    public static String suggestHeadline(Language language) {
        return "suggest_headline_" + language.code();
    }

    /** Tag and people names as written, for completions. */
    public static String suggestTerms(Language language) {
        return "suggest_terms_" + language.code();
    }
}
