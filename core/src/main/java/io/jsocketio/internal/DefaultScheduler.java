package io.jsocketio.internal;

import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The scheduler a server owns when none is configured: one daemon thread. */
final class DefaultScheduler implements Scheduler {
    private static final System.Logger LOG = System.getLogger(DefaultScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    DefaultScheduler() {
        executor =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread t = new Thread(r, "jsocketio-scheduler");
                            t.setDaemon(true);
                            return t;
                        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f;
        try {
            f =
                    executor.schedule(
                            () -> {
                                try {
                                    task.run();
                                } catch (RuntimeException e) {
                                    LOG.log(
                                            System.Logger.Level.WARNING,
                                            "scheduled task failed",
                                            e);
                                }
                            },
                            delay.toNanos(),
                            TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "scheduler closed, task dropped");
            return () -> {};
        }
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
