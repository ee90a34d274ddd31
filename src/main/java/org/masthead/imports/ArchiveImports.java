package org.masthead.imports;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.masthead.identity.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way in to imports of other platforms' archives, for the command line and the newsroom alike. One import runs
 * at a time in a process; imports in two processes on one database (the command beside a running Masthead) are
 * safe too, since every item is written whole, in a savepoint of a short transaction, keyed by what it was in
 * the source.
 */
@Service
public class ArchiveImports {

    /** Told how far an import is: the items it will read, then how many it has done. */
    public interface Progress {

        void total(int items);

        void done(int items);

        Progress NONE = new Progress() {
            @Override
            public void total(int items) {
            }

            @Override
            public void done(int items) {
            }
        };
    }

    /** Which platform an export comes from. */
    public enum Source { WORDPRESS, GHOST }

    /** Another import is running in this process. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Another import is running", null, false, false);
        }
    }

    private final ArchiveWriter writer;
    private final ImportLedger ledger;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ReentrantLock running = new ReentrantLock();

    ArchiveImports(ArchiveWriter writer, ImportLedger ledger, AuditLog audit, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Imports {@code file}; the report says what became of each item. A file that is not an export of the platform
     * is refused with {@link InvalidArchive} before anything is written.
     */
    public ImportReport run(Source source, Path file, ImportOptions options, String by, Progress progress) {
        if (!running.tryLock()) {
            throw new Busy();
        }
        try {
            var report = switch (source) {
                case WORDPRESS -> wordpress(file, options, progress);
                case GHOST -> new GhostImport(writer, file, options, progress).run();
            };
            if (!options.dryRun()) {
                transactions.executeWithoutResult(status -> audit.record(by, "import." + source.name().toLowerCase(java.util.Locale.ROOT),
                        file.getFileName().toString(), report.summary()));
            }
            return report;
        } finally {
            running.unlock();
        }
    }

    private ImportReport wordpress(Path file, ImportOptions options, Progress progress) {
        try {
            return new WordPressImport(writer, file, options, progress).run();
        } catch (WxrReader.Unreadable unreadable) {
            throw new InvalidArchive(unreadable.getMessage());
        }
    }

    /** The file cannot be imported; the message says why (for XML, with the line and column). */
    public static final class InvalidArchive extends RuntimeException {
        public InvalidArchive(String message) {
            super(message, null, false, false);
        }
    }

    /** What an address of an imported site leads to: {@code kind} story, page, section, tag, author or home. */
    public record FormerAddress(String kind, long targetId, org.masthead.platform.@org.jspecify.annotations.Nullable Language language,
            boolean feed) {
    }

    /**
     * The imported thing an address of the old site named, if any. {@code path} as asked (percent-encoded or not),
     * {@code query} the query string or null: its WordPress keys ({@code p}, {@code page_id}, {@code cat}, {@code tag},
     * {@code author}, {@code feed}) name things too.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Optional<FormerAddress> formerAddress(String path, @org.jspecify.annotations.Nullable String query) {
        var key = FormerAddressKey.of(path, query);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return ledger.address(key).map(a -> new FormerAddress(a.kind(), a.targetId(),
                org.masthead.platform.Language.fromCode(a.language()).orElse(null), a.feed()));
    }
}
