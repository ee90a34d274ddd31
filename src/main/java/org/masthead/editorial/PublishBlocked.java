package org.masthead.editorial;

import java.util.List;
import org.masthead.platform.Language;

/** A story cannot go live yet: each problem names its version, a message key and the block it concerns. */
public class PublishBlocked extends RuntimeException {

    private final List<Problem> problems;

    public PublishBlocked(List<Problem> problems) {
        super("Cannot publish: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** {@code block} is the 1-based position of the block concerned, 0 for the lead image or the version. */
    public record Problem(Language language, String messageKey, int block) {
    }
}
