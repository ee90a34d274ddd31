package org.masthead.content;

import java.util.Map;
import java.util.Set;
import org.masthead.platform.Language;

/**
 * An approval of text the approver did not see: a version was saved again (or written) after the page
 * that asked for the approval showed it. Nothing was approved; {@code current} holds the latest revision
 * of every written version and {@code changed} the versions that moved.
 */
public class ApprovalOutdated extends RuntimeException {

    private final long storyId;
    private final Map<Language, Integer> current;
    private final Set<Language> changed;

    public ApprovalOutdated(long storyId, Map<Language, Integer> current, Set<Language> changed) {
        super("Story " + storyId + " changed since it was shown for approval: " + changed);
        this.storyId = storyId;
        this.current = Map.copyOf(current);
        this.changed = Set.copyOf(changed);
    }

    public long storyId() {
        return storyId;
    }

    public Map<Language, Integer> current() {
        return current;
    }

    public Set<Language> changed() {
        return changed;
    }
}
