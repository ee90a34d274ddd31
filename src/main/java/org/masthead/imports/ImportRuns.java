package org.masthead.imports;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports started from the newsroom: the uploaded export is written to this node's disk as it arrives (never more
 * than {@code masthead.imports.max-upload-size}), the run is recorded in the database and carried out in the
 * background by {@link ArchiveImports}, its progress written at most once a second, so that the import page on any
 * node shows how far it is; at the end the report lines are kept with it and the file is deleted. One run at a
 * time on a node.
 */
@Service
public class ImportRuns {

    /** The upload is larger than the newsroom takes; nothing of it is kept. */
    public static final class UploadTooLarge extends RuntimeException {

        private final long limit;

        UploadTooLarge(long limit) {
            super("The upload is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** The upload is empty. */
    public static final class EmptyUpload extends RuntimeException {
        EmptyUpload() {
            super("The upload is empty", null, false, false);
        }
    }

    /** A media folder named on the import page that the import may not read; {@code reason} says why. */
    public static final class MediaFolderRefused extends RuntimeException {

        /** No folder is allowed, the folder lies outside every allowed one, or it is not a folder of this server. */
        public enum Reason { NONE_ALLOWED, OUTSIDE, MISSING }

        private final Reason reason;

        MediaFolderRefused(Reason reason) {
            super("Media folder refused: " + reason, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);
    private static final long PROGRESS_EVERY_MILLIS = 1000;

    private final ArchiveImports imports;
    private final ImportRunRepository runs;
    private final ImportsProperties properties;
    private final TransactionTemplate transactions;
    private final ClusterNode node;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("archive-import").daemon(true).factory());

    ImportRuns(ArchiveImports imports, ImportRunRepository runs, ImportsProperties properties,
            PlatformTransactionManager transactions, ClusterNode node, Clock clock) {
        this.imports = imports;
        this.runs = runs;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.node = node;
        this.clock = clock;
    }

    /** The largest export the import page takes, in bytes. */
    public long maxUploadSize() {
        return properties.maxUploadSize().toBytes();
    }

    /** The folders under which the import page may take images, as configured. */
    public List<Path> mediaRoots() {
        return properties.mediaRoots();
    }

    /**
     * The folder of this server that {@code path} names, for images, if it lies under one of
     * {@code masthead.imports.media-roots} once resolved: "..", and every symbolic link on the way, followed first,
     * so that no spelling of a path reaches outside them.
     */
    public Path mediaFolder(String path) {
        if (properties.mediaRoots().isEmpty()) {
            throw new MediaFolderRefused(MediaFolderRefused.Reason.NONE_ALLOWED);
        }
        Path folder;
        try {
            var named = Path.of(path.strip());
            if (!named.isAbsolute()) {
                throw new MediaFolderRefused(MediaFolderRefused.Reason.OUTSIDE);
            }
            folder = named.toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new MediaFolderRefused(MediaFolderRefused.Reason.MISSING);
        }
        if (!Files.isDirectory(folder)) {
            throw new MediaFolderRefused(MediaFolderRefused.Reason.MISSING);
        }
        for (var root : properties.mediaRoots()) {
            try {
                if (folder.startsWith(root.toRealPath())) {
                    return folder;
                }
            } catch (IOException missingRoot) {
                // a root that does not exist holds nothing
            }
        }
        throw new MediaFolderRefused(MediaFolderRefused.Reason.OUTSIDE);
    }

    /** Whether a run is under way on this node (a new one would be refused). */
    public boolean busy() {
        return busy.get();
    }

    /**
     * Writes {@code body} to disk (refusing it past the limit, with nothing kept), records the run and starts it;
     * returns the run's id. Throws {@link ArchiveImports.Busy} while another run is under way on this node.
     */
    public long start(ArchiveImports.Source source, String fileName, InputStream body, ImportOptions options, String by) {
        if (!busy.compareAndSet(false, true)) {
            throw new ArchiveImports.Busy();
        }
        try {
            var file = receive(body);
            long size = size(file);
            var name = fileName.isBlank() ? "export" : fileName.strip();
            long id = transactions.execute(status -> runs.insert(source, name.length() > 255 ? name.substring(0, 255) : name,
                    size, options.dryRun(), by, node.id(), clock.millis()));
            worker.execute(() -> execute(id, source, file, options, by));
            return id;
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    public Optional<ImportRun> find(long id) {
        return runs.find(id);
    }

    /** The latest runs, newest first. */
    public List<ImportRun> latest(int limit) {
        return runs.latest(limit);
    }

    /** A page of a run's report, {@code outcome} null for every line. */
    public List<ImportReport.Line> lines(long id, ImportReport.@Nullable Outcome outcome, int offset, int limit) {
        return runs.lines(id, outcome, offset, limit);
    }

    /** Every line of a run's report in order, given one at a time. */
    public void eachLine(long id, Consumer<ImportReport.Line> sink) {
        runs.eachLine(id, sink);
    }

    public Instant now() {
        return clock.instant();
    }

    private Path receive(InputStream body) {
        long max = maxUploadSize();
        Path file = null;
        try {
            Files.createDirectories(properties.directory());
            file = Files.createTempFile(properties.directory(), "upload-", ".export");
            long written = 0;
            try (var out = Files.newOutputStream(file)) {
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) != -1) {
                    written += n;
                    if (written > max) {
                        throw new UploadTooLarge(max);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (written == 0) {
                throw new EmptyUpload();
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("The upload could not be written to disk", io);
            }
            throw (RuntimeException) e;
        }
    }

    private void execute(long id, ArchiveImports.Source source, Path file, ImportOptions options, String by) {
        try {
            var report = imports.run(source, file, options, by, new Recording(id));
            end(id, ImportRun.Status.FINISHED, report.lines(), "");
        } catch (ArchiveImports.InvalidArchive invalid) {
            end(id, ImportRun.Status.FAILED, List.of(), invalid.getMessage());
        } catch (RuntimeException e) {
            log.error("Import run {} failed", id, e);
            end(id, ImportRun.Status.FAILED, List.of(), ArchiveWriter.reason(e));
        } finally {
            delete(file);
            busy.set(false);
        }
    }

    private void end(long id, ImportRun.Status status, List<ImportReport.Line> lines, String message) {
        try {
            transactions.executeWithoutResult(tx -> runs.finish(id, status, lines, message, clock.millis()));
        } catch (RuntimeException e) {
            log.error("Import run {} could not be recorded as ended", id, e);
        }
    }

    /** Marks this node's runs that were under way when it stopped as interrupted, and deletes their files. */
    void interrupted() {
        int n = transactions.execute(tx -> runs.interrupt(node.id(), clock.millis()));
        if (n > 0) {
            log.warn("{} import run(s) were interrupted when this node stopped; run the file again to resume", n);
        }
        if (Files.isDirectory(properties.directory())) {
            try (var files = Files.list(properties.directory())) {
                files.filter(f -> f.getFileName().toString().startsWith("upload-")).forEach(ImportRuns::delete);
            } catch (IOException e) {
                log.warn("Could not clear {}", properties.directory(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    /** Writes a run's progress to its row: the count once known, then items done at most once a second. */
    private final class Recording implements ArchiveImports.Progress {

        private final long id;
        private long written;

        Recording(long id) {
            this.id = id;
        }

        @Override
        public void total(int items) {
            transactions.executeWithoutResult(tx -> runs.counted(id, items, clock.millis()));
        }

        @Override
        public void done(int items) {
            long now = clock.millis();
            if (now - written < PROGRESS_EVERY_MILLIS) {
                return;
            }
            written = now;
            transactions.executeWithoutResult(tx -> runs.progress(id, items));
        }
    }
}
