package org.masthead.translation;

/** An earlier translation proposed for a new source text; {@code score} is 1.0 for an exact match. */
public record MemoryMatch(String sourceText, String targetText, double score) {

    public int percent() {
        return (int) Math.floor(score * 100);
    }
}
