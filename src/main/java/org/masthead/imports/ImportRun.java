package org.masthead.imports;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One import started from the newsroom, as far as it has come: {@code total} is 0 until the first pass over the
 * file has counted its items ({@code countedAt}), {@code done} how many of them are through; the counts per outcome
 * once it has ended. {@code message} says why a failed run could not import the file.
 */
public record ImportRun(long id, ArchiveImports.Source source, String fileName, long fileSize, boolean dryRun,
        Status status, int total, int done, Counts counts, String message, String startedBy, Instant startedAt,
        @Nullable Instant countedAt, @Nullable Instant finishedAt) {

    public enum Status {
        RUNNING, FINISHED, FAILED, INTERRUPTED;

        public boolean ended() {
            return this != RUNNING;
        }
    }

    /** How many items of the report ended each way. */
    public record Counts(int imported, int updated, int unchanged, int skipped, int failed) {

        public int of(ImportReport.Outcome outcome) {
            return switch (outcome) {
                case IMPORTED -> imported;
                case UPDATED -> updated;
                case UNCHANGED -> unchanged;
                case SKIPPED -> skipped;
                case FAILED -> failed;
            };
        }
    }

    /** Items per second since the items were counted (until the end, for a run that has ended); 0 before. */
    public double itemsPerSecond(Instant now) {
        if (countedAt == null || done == 0) {
            return 0;
        }
        var until = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(countedAt, until).toMillis() / 1000.0);
        return done / seconds;
    }

    /** The time left at the present rate; null while nothing is known of it, zero once ended. */
    public @Nullable Duration timeLeft(Instant now) {
        if (status.ended()) {
            return Duration.ZERO;
        }
        double rate = itemsPerSecond(now);
        if (total == 0 || rate <= 0) {
            return null;
        }
        return Duration.ofSeconds(Math.round(Math.max(0, total - done) / rate));
    }

    /** How far the run is, 0 to 100. */
    public int percent() {
        if (status == Status.FINISHED) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, (long) done * 100 / total);
    }
}
