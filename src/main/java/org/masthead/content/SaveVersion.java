package org.masthead.content;

import java.util.List;
import org.masthead.platform.Language;

/**
 * One save of a language version. {@code basedOnRevision} is the revision the editor started from
 * (0 for a new version); a save based on an older revision is refused with {@link EditConflict}.
 */
public record SaveVersion(long storyId, Language language, int basedOnRevision, String headline,
        String standfirst, String seoTitle, String seoDescription, String leadImageCaption,
        String leadImageCredit, String leadImageAlt, List<Block> body, String savedBy) {
}
