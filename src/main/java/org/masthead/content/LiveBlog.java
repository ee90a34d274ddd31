package org.masthead.content;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * A story run as a live blog: its versions are the introduction, entries come under it. {@code showUntranslated}:
 * readers of another language see an entry written in one language only in that language, with a note (true), or
 * not at all (false).
 */
public record LiveBlog(long storyId, State state, Instant startedAt, @Nullable Instant endedAt, boolean showUntranslated) {

    public enum State {
        LIVE, PAUSED, ENDED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<State> fromKey(String key) {
            return java.util.Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
        }
    }

    /**
     * Translation work on a live blog's entries in one language: entries not yet translated into it and
     * translations behind a correction of their entry (withdrawn entries need none).
     */
    public record TranslationWork(long storyId, Language language, int missing, int outdated) {
    }
}
