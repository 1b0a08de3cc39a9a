package io.jsocketio.internal;

import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.internal.DefaultScheduler;
import io.jsocketio.engine.internal.LaneExecutors;
import io.jsocketio.engine.internal.SerialLane;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The threads of a server, the same ones its engine uses: the executor running lanes (the one
 * shared by every engine of the JVM unless configured), the scheduler (one daemon thread, owned and
 * stopped by {@link #close()} unless configured) and the callback lane.
 *
 * <p>Thread-safety: immutable references; {@link #close()} may be called from any thread.
 */
final class ServerRuntime {
    final Executor executor;
    final Scheduler scheduler;
    final SerialLane callbackLane;
    private final @Nullable Scheduler ownedScheduler;
    private final LaneExecutors.@Nullable Lease lanes; // held until close, unless configured

    ServerRuntime(@Nullable Executor executor, @Nullable Scheduler scheduler) {
        this.lanes = executor != null ? null : LaneExecutors.acquire();
        this.executor = lanes != null ? lanes.executor() : executor;
        if (scheduler != null) {
            this.scheduler = scheduler;
            this.ownedScheduler = null;
        } else {
            this.scheduler = new DefaultScheduler();
            this.ownedScheduler = this.scheduler;
        }
        this.callbackLane = new SerialLane(this.executor, "callbacks");
    }

    void close() {
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
        if (lanes != null) {
            lanes.close();
        }
    }
}
