package io.jsocketio.internal;

import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Bounds in time a binary packet that waits for its attachments: a client that sends {@code
 * 451-[...]} and never the binary messages would otherwise keep up to {@code maxAttachments} ×
 * {@code maxHttpBufferSize} bytes for as long as its connection lives. The client's official
 * libraries send the attachments right behind the packet, so the limit is generous: the engine's
 * {@code pingInterval + pingTimeout}, the time after which a silent connection is dropped anyway.
 * Node has no such limit.
 *
 * <p>Thread-safety: {@link #watch} and {@link #isCurrent} are confined to the connection's lane;
 * the expiry task runs on the scheduler's thread and must hand its work to the lane.
 */
final class AttachmentDeadline {
    private final Scheduler scheduler;
    private final Duration limit;
    private Scheduler.@Nullable Cancellable timer; // lane-confined
    private long generation; // lane-confined

    AttachmentDeadline(Scheduler scheduler, Duration limit) {
        this.scheduler = scheduler;
        this.limit = limit;
    }

    /** The time a binary packet may wait for its attachments. */
    Duration limit() {
        return limit;
    }

    /**
     * Called after each decoded message: starts the clock when a binary packet began waiting, stops
     * it when none waits. {@code onExpiry} gets the generation to check with {@link #isCurrent} (on
     * the scheduler's thread).
     */
    void watch(boolean reconstructing, java.util.function.LongConsumer onExpiry) {
        if (reconstructing) {
            if (timer == null) {
                long g = ++generation;
                timer = scheduler.schedule(limit, () -> onExpiry.accept(g));
            }
        } else {
            cancel();
        }
    }

    /** Whether the expiry of generation {@code g} still concerns the waiting packet. */
    boolean isCurrent(long g) {
        return timer != null && g == generation;
    }

    /** Stops the clock. */
    void cancel() {
        Scheduler.Cancellable t = timer;
        timer = null;
        generation++;
        if (t != null) {
            t.cancel();
        }
    }
}
