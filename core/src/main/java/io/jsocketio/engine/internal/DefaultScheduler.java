package io.jsocketio.engine.internal;

import io.jsocketio.engine.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own scheduler when {@code options.scheduler()} is not set: one daemon thread ({@code
 * jsocketio-engine-scheduler}) for the timers of every session of one engine. Cancelled tasks are
 * removed from the queue at once, so abandoned timers hold no memory.
 *
 * <p>Thread-safety: safe for concurrent use. After {@link #close()} new tasks are silently not
 * scheduled.
 */
public final class DefaultScheduler implements Scheduler {
    private static final System.Logger LOG = System.getLogger(DefaultScheduler.class.getName());
    private static final Cancellable NOTHING = () -> {};

    private final ScheduledThreadPoolExecutor executor;

    public DefaultScheduler() {
        executor =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread t = new Thread(r, "jsocketio-engine-scheduler");
                            t.setDaemon(true);
                            return t;
                        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f =
                    executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "scheduler closed: task not scheduled");
            return NOTHING;
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a scheduled engine task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
