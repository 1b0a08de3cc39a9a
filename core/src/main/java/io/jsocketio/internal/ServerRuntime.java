package io.jsocketio.internal;

import io.jsocketio.engine.Scheduler;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads of a server: the executor running lanes and callbacks, the scheduler, and the
 * callback lane. Those not configured are owned and stopped by {@link #close()}.
 */
final class ServerRuntime {
    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());

    final Executor executor;
    final Scheduler scheduler;
    final SerialExecutor callbackLane;
    private final @Nullable ExecutorService ownedExecutor;
    private final @Nullable Scheduler ownedScheduler;

    ServerRuntime(@Nullable Executor executor, @Nullable Scheduler scheduler) {
        if (executor != null) {
            this.executor = executor;
            this.ownedExecutor = null;
        } else {
            ExecutorService owned = newDefaultExecutor();
            this.executor = owned;
            this.ownedExecutor = owned;
        }
        if (scheduler != null) {
            this.scheduler = scheduler;
            this.ownedScheduler = null;
        } else {
            this.scheduler = new DefaultScheduler();
            this.ownedScheduler = this.scheduler;
        }
        this.callbackLane = new SerialExecutor(this.executor);
    }

    /** Virtual threads where the JDK has them (21+), else a cached pool of daemon threads. */
    private static ExecutorService newDefaultExecutor() {
        try {
            Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no virtual threads; using a cached pool");
        }
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(
                r -> {
                    Thread t = new Thread(r, "jsocketio-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void close() {
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }
}
