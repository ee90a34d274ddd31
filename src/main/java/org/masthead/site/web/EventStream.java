package org.masthead.site.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One reader's open event stream (Server-Sent Events): the request's asynchronous response, written as events that
 * were encoded to bytes once for every reader, so a reader costs a copy into its connection's buffer and a flush,
 * nothing else. One thread writes at a time; closing may come from any thread, and waits for a write under way:
 * the container recycles a response once it is complete, so nothing may write to it from then on.
 */
final class EventStream {

    /** The time the browser waits before reconnecting once the stream ends, and a comment that says it opened. */
    static final byte[] OPENING = "retry:2000\n:open\n\n".getBytes(StandardCharsets.UTF_8);
    /** A comment that keeps proxies from closing a quiet stream and finds readers that went away. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The bytes of one event named {@code name} with {@code data} on one line (compact JSON has no line breaks), and
     * {@code id} for the browser's {@code Last-Event-ID} when it has one.
     */
    static byte[] event(@Nullable Long id, String name, String data) {
        return ((id == null ? "" : "id:" + id + "\n") + "event:" + name + "\ndata:" + data + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean ended;

    private EventStream(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /**
     * Starts the response as an event stream that lasts {@code lifetime} at most; {@code ended} runs once it ends,
     * whether it was closed here, timed out or failed.
     */
    static EventStream open(HttpServletRequest request, HttpServletResponse response, Duration lifetime,
            Runnable ended) throws IOException {
        response.setContentType("text/event-stream");
        var async = request.startAsync(request, response);
        async.setTimeout(lifetime.toMillis());
        var stream = new EventStream(async, response.getOutputStream());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.ended = true;
                ended.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                ended.run();
                stream.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                ended.run();
                stream.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // started once
            }
        });
        return stream;
    }

    /** Adds whole events to what the next {@link #flush()} sends. */
    void write(byte[] events) throws IOException {
        lock.lock();
        try {
            if (ended) {
                throw new IOException("The stream has ended");
            }
            out.write(events);
        } finally {
            lock.unlock();
        }
    }

    /** Sends what was written: the reader has it as soon as the network carries it. */
    void flush() throws IOException {
        lock.lock();
        try {
            if (ended) {
                throw new IOException("The stream has ended");
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream once a write under way is done. Asked again (the container's time-out or error after a failed
     * write), it asks again: only the container knows whether the first was taken.
     */
    void close() {
        lock.lock();
        try {
            ended = true;
            async.complete();
        } catch (IllegalStateException notNow) {
            // completing already, or failed: the container's error callback completes it
        } finally {
            lock.unlock();
        }
    }
}
