package org.masthead.media;

import java.time.Instant;
import java.util.Map;
import org.masthead.platform.Language;

/** An image in the newsroom's library: its file name, size, uploader and texts per language. */
public record MediaItem(long id, String originalName, int width, int height, String uploadedBy, Instant createdAt,
        Map<Language, MediaText> texts) {

    public MediaText text(Language language) {
        return texts.getOrDefault(language, MediaText.EMPTY);
    }
}
