package org.masthead.search;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Stories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index from the database while the site keeps serving: stories are copied into a
 * fresh index in batches, changes made meanwhile reach both indexes, and the fresh one is swapped in at
 * the end. An operator starts it with {@code ./masthead reindex}.
 */
@Component
public class Reindex {

    private static final Logger log = LoggerFactory.getLogger(Reindex.class);
    private static final int BATCH = 100;

    private final Stories stories;
    private final StoryIndexer indexer;
    private final SearchIndex index;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());
    private volatile CompletableFuture<Status> finished = CompletableFuture.completedFuture(Status.idle());

    Reindex(Stories stories, StoryIndexer indexer, SearchIndex index, Clock clock) {
        this.stories = stories;
        this.indexer = indexer;
        this.index = index;
        this.clock = clock;
    }

    /** Where the last rebuild stands. */
    public record Status(State state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long stories,
            long documents, @Nullable String error) {

        public enum State { IDLE, RUNNING, COMPLETED, FAILED }

        static Status idle() {
            return new Status(State.IDLE, null, null, 0, 0, null);
        }
    }

    public Status status() {
        return status.get();
    }

    /** Completes with the final status of the latest rebuild started with {@link #start()}. */
    public CompletableFuture<Status> finished() {
        return finished;
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public boolean start() {
        var current = status.get();
        if (current.state() == Status.State.RUNNING) {
            return false;
        }
        var running = new Status(Status.State.RUNNING, clock.instant(), null, 0, 0, null);
        if (!status.compareAndSet(current, running)) {
            return false;
        }
        finished = new CompletableFuture<>();
        Thread.ofPlatform().name("search-reindex").daemon(true).start(this::run);
        return true;
    }

    /** Rebuilds on the calling thread and returns how many stories were copied. */
    public long runNow() {
        long copied = 0;
        try (var rebuild = index.rebuild()) {
            long after = 0;
            while (true) {
                var ids = stories.idsAfter(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                indexer.copy(ids, rebuild);
                copied += ids.size();
                after = ids.getLast();
                var started = status.get();
                status.set(new Status(started.state(), started.startedAt(), null, copied, 0, null));
            }
            rebuild.complete();
        }
        return copied;
    }

    private void run() {
        var startedAt = status.get().startedAt();
        try {
            long copied = runNow();
            status.set(new Status(Status.State.COMPLETED, startedAt, clock.instant(), copied, index.documentCount(),
                    null));
            log.info("Search index rebuilt from {} stories", copied);
            finished.complete(status.get());
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index failed; the previous index stays live", e);
            status.set(new Status(Status.State.FAILED, startedAt, clock.instant(), status.get().stories(), 0,
                    e.getMessage()));
            finished.complete(status.get());
        }
    }
}
