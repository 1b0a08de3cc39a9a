package io.jsocketio.internal;

import io.jsocketio.AckTimeoutException;
import io.jsocketio.Args;
import io.jsocketio.BroadcastAckCallback;
import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Collects the acknowledgements of one broadcast: complete when every server reported how many
 * sockets it wrote to and that many responses arrived, or when the timeout expires. The callback
 * runs once, on the server's callback lane.
 */
final class AckCollector {
    private final BroadcastAckCallback callback;
    private final Executor executor;
    private final Duration timeout;
    private final Runnable onTimeout;

    private final Object lock = new Object();
    private final List<Args> responses = new ArrayList<>(); // guarded by lock
    private int expectedServerCount = -1; // guarded by lock
    private int actualServerCount; // guarded by lock
    private int expectedClientCount; // guarded by lock
    private boolean done; // guarded by lock
    private Scheduler.@Nullable Cancellable timer; // guarded by lock

    AckCollector(
            BroadcastAckCallback callback,
            Executor executor,
            Duration timeout,
            Runnable onTimeout) {
        this.callback = callback;
        this.executor = executor;
        this.timeout = timeout;
        this.onTimeout = onTimeout;
    }

    void start(Scheduler scheduler) {
        Scheduler.Cancellable t = scheduler.schedule(timeout, this::expire);
        boolean cancel;
        synchronized (lock) {
            cancel = done;
            timer = t;
        }
        if (cancel) {
            t.cancel();
        }
    }

    void clientCount(int count) {
        synchronized (lock) {
            expectedClientCount += count;
            actualServerCount++;
        }
        check();
    }

    void serverCount(int count) {
        synchronized (lock) {
            expectedServerCount = count;
        }
        check();
    }

    void response(Args args) {
        synchronized (lock) {
            if (done) {
                return;
            }
            responses.add(args);
        }
        check();
    }

    private void check() {
        List<Args> snapshot;
        Scheduler.Cancellable t;
        synchronized (lock) {
            if (done
                    || expectedServerCount != actualServerCount
                    || responses.size() != expectedClientCount) {
                return;
            }
            done = true;
            snapshot = List.copyOf(responses);
            t = timer;
        }
        if (t != null) {
            t.cancel();
        }
        executor.execute(() -> callback.onAcks(null, snapshot));
    }

    private void expire() {
        List<Args> snapshot;
        synchronized (lock) {
            if (done) {
                return;
            }
            done = true;
            snapshot = List.copyOf(responses);
        }
        onTimeout.run();
        executor.execute(
                () -> callback.onAcks(new AckTimeoutException(timeout, snapshot), snapshot));
    }
}
