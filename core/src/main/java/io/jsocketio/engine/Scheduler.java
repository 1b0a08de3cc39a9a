package io.jsocketio.engine;

import java.time.Duration;

/**
 * Runs delayed tasks: heartbeats and timeouts (upgrade, connect, ack). One scheduler serves a whole
 * server; no session has a timer thread. Tests pass a manual implementation to control time.
 *
 * <p>Thread-safety: implementations are safe for concurrent use. Tasks must be short and must not
 * block; they run on the scheduler's own thread. The engine calls {@link #schedule} and {@link
 * Cancellable#cancel} while holding a session lock, so neither may block nor run a task on the
 * calling thread.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code task} once after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * The scheduler's clock in nanoseconds, on the scale of {@link System#nanoTime()} (only
     * differences mean anything): the engine compares it with the due time of a task whose thread
     * may run late. A manual scheduler returns its own time.
     */
    default long nanoTime() {
        return System.nanoTime();
    }

    /** Stops the scheduler; pending tasks are dropped. Idempotent. */
    @Override
    void close();

    /** A handle on a scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        /** Prevents the task from running if it has not started; idempotent. */
        void cancel();
    }
}
