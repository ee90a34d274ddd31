package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * One entry of a live blog, written in {@code language} under the byline {@code author}. A corrected entry
 * carries the time of its correction; a withdrawn one keeps its place as a note that it was withdrawn.
 * {@code revision} counts the corrections of its text; {@code translations} are its versions in the other
 * languages, each made from one revision of it.
 */
public record LiveEntry(long id, long storyId, Language language, Instant postedAt, String author, String headline,
        List<Block> body, boolean keyEvent, boolean withdrawn, @Nullable Instant correctedAt, String postedBy,
        int revision, Map<Language, Translation> translations) {

    public enum Change {
        POSTED, CORRECTED, WITHDRAWN, TRANSLATED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where a language stands against the entry: written in it, translated from its current text, behind it, or not. */
    public enum Standing {
        ORIGINAL, TRANSLATED, OUTDATED, UNTRANSLATED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The entry in one other language: made from revision {@code sourceRevision} of the entry, whose headline and
     * body then were {@code sourceHeadline} and {@code sourceBody}.
     */
    public record Translation(Language language, String headline, List<Block> body, int sourceRevision,
            String sourceHeadline, List<Block> sourceBody, Instant translatedAt, String translatedBy) {
    }

    /** What a reader of one language reads of the entry: its text, the language that text is in, and why. */
    public record Reading(Language language, String headline, List<Block> body, Standing standing) {
    }

    /** An entry as it comes in, from the newsroom's composer or the admin API. */
    public record Draft(Language language, String author, String headline, List<Block> body, boolean keyEvent) {
    }

    /** A translation as it comes in: the entry's text in {@code language}. */
    public record TranslationDraft(Language language, String headline, List<Block> body) {
    }

    /**
     * One change in a live blog's event stream; {@code language} is the language it concerns: the entry's own, or
     * for a translation the language translated into.
     */
    public record Changed(long changeId, Change kind, LiveEntry entry, Language language) {
    }

    /** A page of entries, newest first; {@code olderThan} is the id to ask for the page after, or null at the end. */
    public record Page(List<LiveEntry> entries, @Nullable Long olderThan) {
    }

    /** How {@code target} stands against the entry. */
    public Standing standing(Language target) {
        if (target == language) {
            return Standing.ORIGINAL;
        }
        var translation = translations.get(target);
        if (translation == null) {
            return Standing.UNTRANSLATED;
        }
        return translation.sourceRevision() < revision ? Standing.OUTDATED : Standing.TRANSLATED;
    }

    /**
     * What a reader of {@code reader}'s language reads: the translation into it (kept while it is behind a
     * correction, which the page notes), or else the entry as written.
     */
    public Reading in(Language reader) {
        var translation = translations.get(reader);
        if (reader == language || translation == null) {
            return new Reading(language, headline, body, standing(reader));
        }
        return new Reading(reader, translation.headline(), translation.body(), standing(reader));
    }

    /** Whether a reader of {@code reader}'s language sees the entry: when it reads in that language, or when shown untranslated. */
    public boolean shownTo(Language reader, boolean showUntranslated) {
        return showUntranslated || standing(reader) != Standing.UNTRANSLATED;
    }
}
