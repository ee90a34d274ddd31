package org.masthead.content;

import java.util.List;

/**
 * A version or body that {@link ContentRules} refused; nothing was saved. Each problem names the field
 * the way the admin API spells it ({@code headline}, {@code body[3].text.marks[0].href}), a message key
 * of the UI bundles and its arguments, so every surface can say what is wrong where.
 */
public class InvalidContent extends RuntimeException {

    /** One thing to fix: where, what (a message key) and the values the message names. */
    public record Problem(String field, String messageKey, List<String> args) {

        public Problem {
            args = List.copyOf(args);
        }
    }

    private final List<Problem> problems;

    public InvalidContent(List<Problem> problems) {
        super("Invalid content: " + problems, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
