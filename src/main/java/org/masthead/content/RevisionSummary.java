package org.masthead.content;

import java.time.Instant;

/** One revision in a version's history: who saved it and when. */
public record RevisionSummary(int number, String headline, String savedBy, Instant savedAt) {
}
