package org.masthead.content;

import java.time.Instant;
import java.util.List;
import org.masthead.platform.Language;

/** One language of a static page: its address, texts and body blocks; readers see it while {@code live}. */
public record PageVersion(long pageId, Language language, String slug, String title, String summary, String seoTitle,
        String seoDescription, List<Block> body, boolean live, Instant updatedAt, String updatedBy) {

    public PageVersion {
        body = List.copyOf(body);
    }
}
