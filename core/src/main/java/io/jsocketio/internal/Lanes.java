package io.jsocketio.internal;

import org.jspecify.annotations.Nullable;

/**
 * Knows which connection's lane the current thread is running, so that work for that connection
 * runs inline (keeping packet order) instead of being queued behind the current task.
 */
final class Lanes {
    private static final ThreadLocal<@Nullable Object> CURRENT = new ThreadLocal<>();

    private Lanes() {}

    /** Whether the current thread is running a task of {@code lane}. */
    static boolean isCurrent(Object lane) {
        return CURRENT.get() == lane;
    }

    /** Whether the current thread is running any lane task. */
    static boolean onAnyLane() {
        return CURRENT.get() != null;
    }

    /** Runs {@code task} marked as a task of {@code lane}. */
    static void run(Object lane, Runnable task) {
        Object previous = CURRENT.get();
        CURRENT.set(lane);
        try {
            task.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
