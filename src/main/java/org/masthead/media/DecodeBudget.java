package org.masthead.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds the memory that image decoding may take at once. A decoded image holds about 4 bytes a pixel,
 * and making its variants briefly a second copy, so a 40-megapixel upload needs some 320 MB: a few at
 * once would exhaust a small heap. Each decode reserves its estimate from a budget (by default 40% of the
 * heap) and waits its turn; one larger than the whole budget runs alone. A decode that cannot start in
 * time is refused as "busy", never left to fail with the heap.
 */
@Component
class DecodeBudget {

    private static final long MB = 1024 * 1024;
    private static final long BYTES_PER_PIXEL = 8;

    private final Semaphore megabytes;
    private final int total;
    private final Duration wait;

    DecodeBudget(MediaProperties properties) {
        long budget = properties.decodeMemory().toBytes() > 0 ? properties.decodeMemory().toBytes()
                : Runtime.getRuntime().maxMemory() * 2 / 5;
        this.total = (int) Math.max(1, budget / MB);
        this.megabytes = new Semaphore(total, true);
        this.wait = properties.decodeWait();
    }

    /** A reservation for decoding an image of {@code pixels}; close it when the decoded pixels are dropped. */
    Reservation reserve(long pixels) {
        int needed = (int) Math.min(total, Math.max(1, pixels * BYTES_PER_PIXEL / MB));
        try {
            if (!megabytes.tryAcquire(needed, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UploadRejected("newsroom.media.error.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRejected("newsroom.media.error.busy");
        }
        return () -> megabytes.release(needed);
    }

    /** Megabytes of the budget free now; for tests and metrics. */
    int available() {
        return megabytes.availablePermits();
    }

    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
