package org.masthead.content;

import java.time.Instant;

/** A dated correction or update that readers see under a published story. */
public record StoryNote(long id, Kind kind, String text, Instant createdAt) {

    public enum Kind { CORRECTION, UPDATE }
}
