package io.jsocketio.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the frames that one or many in-memory peers sent, and lets one benchmark thread wait for a
 * count without sleeping: it spins briefly, then parks until the frame that reaches its target
 * unparks it.
 *
 * <p>Thread-safety: {@link #add} may be called from any thread; {@link #awaitAtLeast} from one
 * thread at a time.
 */
final class FrameCounter {
    private static final int SPINS = 200;

    private final AtomicLong count = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile Thread waiter;

    /** One more frame. */
    void add() {
        if (count.incrementAndGet() >= target) {
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /** The frames counted so far. */
    long count() {
        return count.get();
    }

    /** Waits until at least {@code expected} frames were counted. */
    void awaitAtLeast(long expected, Duration timeout) throws TimeoutException {
        for (int i = 0; i < SPINS; i++) {
            if (count.get() >= expected) {
                return;
            }
            Thread.onSpinWait();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiter = Thread.currentThread();
        target = expected;
        try {
            while (count.get() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(
                            "expected " + expected + " frames, counted " + count.get());
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            target = Long.MAX_VALUE;
            waiter = null;
        }
    }
}
