package io.jsocketio.engine.internal;

import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.Scheduler.Cancellable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One upgrade from polling to WebSocket under way: the candidate WebSocket, whether its probe came,
 * the timer that abandons it ({@code upgradeTimeout}) and the periodic check that answers a held
 * poll with a noop once the probe came. {@link #end()} cancels both timers: one place for every way
 * an upgrade ends (done, abandoned, session closing).
 *
 * <p>Thread-safety: not thread-safe; guarded by the session's lock.
 */
final class Upgrade {
    final WebSocketTransport candidate;
    private final Scheduler scheduler;
    private boolean probed;
    private @Nullable Cancellable timeout;
    private @Nullable Cancellable check;

    Upgrade(WebSocketTransport candidate, Scheduler scheduler, Duration limit, Runnable onTimeout) {
        this.candidate = candidate;
        this.scheduler = scheduler;
        this.timeout = scheduler.schedule(limit, onTimeout);
    }

    boolean isProbed() {
        return probed;
    }

    /** The probe came: from now on {@code check} runs every {@code period} until the end. */
    void probed(Duration period, Runnable check) {
        probed = true;
        scheduleCheck(period, check);
    }

    /** Schedules the next run of the periodic check (replacing a pending one). */
    void scheduleCheck(Duration period, Runnable task) {
        Heartbeat.cancel(check);
        check = scheduler.schedule(period, task);
    }

    /** Ends the upgrade: both timers are cancelled. Returns the candidate. */
    WebSocketTransport end() {
        Heartbeat.cancel(timeout);
        timeout = null;
        Heartbeat.cancel(check);
        check = null;
        return candidate;
    }
}
