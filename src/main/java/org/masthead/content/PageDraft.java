package org.masthead.content;

import java.util.List;
import org.masthead.platform.Language;

/**
 * One language of a static page as written: an empty {@code slug} is made from the title; {@code live}
 * shows it to readers. The body has the blocks of a story body.
 */
public record PageDraft(Language language, String slug, String title, String summary, String seoTitle,
        String seoDescription, List<Block> body, boolean live) {

    public PageDraft {
        body = List.copyOf(body);
    }
}
