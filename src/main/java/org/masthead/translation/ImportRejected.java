package org.masthead.translation;

import java.util.List;

/** An XLIFF file that does not fit the story as it is now; nothing of it was applied. */
public class ImportRejected extends RuntimeException {

    /** One reason, about one unit of the file (or the whole file when {@code unitId} is empty). */
    public record Problem(String unitId, String reason) {
    }

    private final List<Problem> problems;

    public ImportRejected(List<Problem> problems) {
        super("XLIFF import refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
