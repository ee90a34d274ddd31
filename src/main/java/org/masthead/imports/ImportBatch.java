package org.masthead.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The items of an import written many to a transaction, each in a savepoint of its own: an item that fails is
 * undone alone and the good items beside it stay. The transaction commits every {@value #MAX_ITEMS} items or
 * {@value #MAX_MILLIS} ms, whichever comes first, so a run stopped at any point resumes from its last commit, and
 * a newsroom writing beside it waits at most that long. An item's report line joins the report only once the item
 * is committed; if a commit fails, every item of the batch is reported failed with the reason, and a run of the
 * same file again brings them in.
 *
 * <p>Every read of an item happens inside the open transaction, so it sees what the items before it wrote.
 *
 * <p>On SQLite, which has one writer at a time, the batch leaves the file's lock free for {@value #PAUSE_MILLIS} ms
 * after each commit: a writer waiting for it (a newsroom save, an outbox consumer of a running Masthead) sleeps in
 * SQLite's busy handler between tries, and would otherwise find it taken again each time it wakes.
 */
final class ImportBatch {

    static final int MAX_ITEMS = 200;
    static final long MAX_MILLIS = 500;
    static final long PAUSE_MILLIS = 100;

    private final PlatformTransactionManager manager;
    private final TransactionTemplate savepoint;
    private final ImportReport report;
    private final boolean oneWriter;
    private final List<ImportReport.Line> lines = new ArrayList<>();
    private @Nullable TransactionStatus open;
    private long openedAt;

    ImportBatch(PlatformTransactionManager manager, ImportReport report, boolean oneWriter) {
        this.oneWriter = oneWriter;
        this.manager = manager;
        this.savepoint = new TransactionTemplate(manager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.report = report;
    }

    /** Opens the batch's transaction if none is open: call it before an item reads anything. */
    void begin() {
        if (open == null) {
            open = manager.getTransaction(new DefaultTransactionDefinition());
            openedAt = System.nanoTime();
        }
    }

    /**
     * Runs {@code write} in a savepoint of the open transaction: what it wrote stays if it returns, and is undone,
     * the rest of the batch untouched, if it throws (which this rethrows).
     */
    <T> T inSavepoint(Supplier<T> write) {
        begin();
        return savepoint.execute(status -> write.get());
    }

    /** Adds an item's line to the report: at once outside a batch, else once the batch commits. */
    void line(String label, String type, ImportReport.Outcome outcome, String target, String reason) {
        if (open == null) {
            report.add(label, type, outcome, target, reason);
        } else {
            lines.add(new ImportReport.Line(label, type, outcome, target, reason));
        }
    }

    /** Commits if the batch is full or old enough. */
    void commitIfDue() {
        if (open != null && (lines.size() >= MAX_ITEMS || System.nanoTime() - openedAt > MAX_MILLIS * 1_000_000)) {
            commit();
        }
    }

    /**
     * Commits what the batch holds and reports its items; called at the end of a run, however it ends, since every
     * item in the batch is whole.
     */
    void commit() {
        var status = open;
        if (status == null) {
            return;
        }
        open = null;
        var written = List.copyOf(lines);
        lines.clear();
        String failure = null;
        try {
            manager.commit(status);
        } catch (RuntimeException failed) {
            failure = "not written, the transaction of its batch failed: " + ArchiveWriter.reason(failed);
        }
        if (oneWriter) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (var line : written) {
            boolean lost = line.outcome() == ImportReport.Outcome.IMPORTED || line.outcome() == ImportReport.Outcome.UPDATED;
            if (failure == null || !lost) {
                report.add(line.sourceId(), line.type(), line.outcome(), line.target(), line.reason());
            } else {
                report.add(line.sourceId(), line.type(), ImportReport.Outcome.FAILED, "", failure);
            }
        }
    }
}
