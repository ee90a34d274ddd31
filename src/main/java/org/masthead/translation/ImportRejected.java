package org.masthead.translation;

import java.util.List;

/** An XLIFF file that does not fit the story as it is now; nothing of it was applied. */
public class ImportRejected extends RuntimeException {

    /**
     * One reason, about one unit of the file (or the whole file when {@code unitId} is empty): a sentence, or
     * the message key of a refusal of the content rules ({@code content.error.…}).
     */
    public record Problem(String unitId, String reason, List<String> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public Problem(String unitId, String reason) {
            this(unitId, reason, List.of());
        }
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
