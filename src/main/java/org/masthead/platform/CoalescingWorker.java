package org.masthead.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One background thread that runs a task soon after it is woken; wake-ups that arrive while a run is
 * still pending fold into it. Stoppable and startable again, because an application context may be
 * paused and resumed (the test framework does so with cached contexts): each start gets a fresh thread.
 */
public final class CoalescingWorker {

    private final String name;
    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile @Nullable ExecutorService thread;

    public CoalescingWorker(String name, Runnable task) {
        this.name = name;
        this.task = task;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
        }
    }

    /** Stops taking wake-ups and waits up to {@code grace} for a run in progress. */
    public void stop(Duration grace) {
        ExecutorService stopping;
        synchronized (this) {
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pending.set(false);
    }

    public boolean isRunning() {
        return thread != null;
    }

    /** Asks for a run soon on the worker's thread; cheap to call often, ignored while stopped. */
    public void wake() {
        var current = thread;
        if (current != null && pending.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    pending.set(false);
                    task.run();
                });
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }
}
