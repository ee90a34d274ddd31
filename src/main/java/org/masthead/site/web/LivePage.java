package org.masthead.site.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live part of a live blog's page: its state, the key events, a page of entries (newest first), where the
 * older ones are, and where the page stands in the event stream ({@code lastChange}) for the script that follows
 * it. {@code reloadUrl} is the "new entries" link that works without the script.
 */
public record LivePage(String stateKey, boolean open, List<Entry> keyEvents, List<Entry> entries, @Nullable String olderUrl,
        boolean firstPage, long lastChange, String streamUrl, String reloadUrl, String feedUrl, String script) {

    /**
     * One entry as the page's language reads it. {@code anchor} is its id in the page, {@code shareUrl} its own
     * address; {@code otherLanguage} names the language it was written in when that is not the page's (its code
     * {@code otherLanguageCode}), and
     * {@code textLanguageCode} is the language of the text shown when that is not the page's (untranslated).
     * {@code standing}: original, translated, outdated (a translation the original was corrected after, shown with
     * a note and {@code originalUrl}, the entry on its own language's page) or untranslated.
     */
    public record Entry(long id, String anchor, String shareUrl, NewsDates.Shown posted, String author, String headline,
            List<BlockView> blocks, boolean keyEvent, boolean withdrawn, NewsDates.@Nullable Shown corrected,
            @Nullable String otherLanguage, @Nullable String otherLanguageCode, @Nullable String textLanguageCode,
            String standing,
            @Nullable String originalUrl) {
    }
}
