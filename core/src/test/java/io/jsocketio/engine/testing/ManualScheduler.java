package io.jsocketio.engine.testing;

import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose clock only moves when a test calls {@link #advance}: due tasks then run
 * on the calling thread, in due-time order (ties in scheduling order), including tasks they
 * schedule themselves within the advanced window.
 *
 * <p>Thread-safety: safe for concurrent use; tasks never run inside {@link #schedule} and no
 * internal lock is held while a task runs.
 */
public final class ManualScheduler implements Scheduler {
    private final Object lock = new Object();
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.due != b.due
                                    ? Long.compare(a.due, b.due)
                                    : Long.compare(a.seq, b.seq));
    private long now; // guarded by lock, nanoseconds since creation
    private long seq; // guarded by lock
    private boolean closed; // guarded by lock

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return () -> {};
            }
            Task t = new Task(now + Math.max(0, delay.toNanos()), seq++, task);
            queue.add(t);
            return () -> {
                synchronized (lock) {
                    queue.remove(t);
                }
            };
        }
    }

    /** Moves the clock forward by {@code duration}, running every task that falls due. */
    public void advance(Duration duration) {
        long target;
        synchronized (lock) {
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.due;
            }
            next.task.run();
        }
    }

    /**
     * Moves the clock without running the tasks that become due: a scheduler thread running late,
     * as on a busy machine. The next {@link #advance} runs them.
     */
    public void advanceClockOnly(Duration duration) {
        synchronized (lock) {
            now += duration.toNanos();
        }
    }

    /** Shorthand for {@code advance(Duration.ofMillis(millis))}. */
    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** This clock's time, in nanoseconds since creation. */
    @Override
    public long nanoTime() {
        synchronized (lock) {
            return now;
        }
    }

    /** The time since creation on this clock. */
    public Duration now() {
        synchronized (lock) {
            return Duration.ofNanos(now);
        }
    }

    /** The number of tasks scheduled and neither run nor cancelled. */
    public int pendingCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** The delays from now of the pending tasks, soonest first. */
    public List<Duration> pendingDelays() {
        synchronized (lock) {
            List<Task> tasks = new ArrayList<>(queue);
            tasks.sort((a, b) -> Long.compare(a.due, b.due));
            return tasks.stream().map(t -> Duration.ofNanos(t.due - now)).toList();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
        }
    }

    private record Task(long due, long seq, Runnable task) {}
}
