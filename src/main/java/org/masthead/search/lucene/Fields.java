package org.masthead.search.lucene;

import org.masthead.platform.Language;

/** Field names of the Lucene index; text fields carry the language so each has its own analyzer. */
final class Fields {

    static final String STORY = "story";
    static final String LANGUAGE = "lang";
    static final String LIVE = "live";
    static final String LATEST = "latest";
    static final String STATUS = "status";
    static final String SECTION = "section";
    static final String TAG = "tag";
    static final String MONTH = "month";
    static final String DATE = "date";
    static final String SLUG = "slug";
    static final String REVISION = "revision";
    /** Stored "slug TAB name" of each tag, for tag suggestions. */
    static final String TAG_NAMES = "tag_names";
    /** Stored names of authors and quoted speakers, for name suggestions. */
    static final String PEOPLE = "people";
    static final String YES = "1";
    static final String NO = "0";

    private Fields() {
    }

    static String headline(Language language) {
        return "headline_" + language.code();
    }

    static String standfirst(Language language) {
        return "standfirst_" + language.code();
    }

    static String body(Language language) {
        return "body_" + language.code();
    }

    static String tags(Language language) {
        return "tags_" + language.code();
    }

    /** Name keys (see NameKeys) of the capitalized words of the whole version. */
    static String names(Language language) {
        return "names_" + language.code();
    }

    /** Headline words as written, for completions. */
    static String suggestHeadline(Language language) {
        return "suggest_headline_" + language.code();
    }

    /** Tag and people names as written, for completions. */
    static String suggestTerms(Language language) {
        return "suggest_terms_" + language.code();
    }
}
