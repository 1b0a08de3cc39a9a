package io.jsocketio.engine.internal;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The executor that runs session lanes when {@code options.executor()} is not set, shared by every
 * engine and server of the JVM that is open. On Java 21 and later it starts one virtual thread per
 * lane drain ({@code Executors.newVirtualThreadPerTaskExecutor()}, found at run time since the code
 * targets Java 17); on Java 17 it is a cached pool of daemon threads named {@code jsocketio-lane-N}
 * that grows with the number of lanes busy at once and lets idle threads go after 60 seconds.
 *
 * <p>Each user holds a {@link Lease} while it is open; when the last lease is closed the executor
 * is shut down: tasks already handed over still run, idle threads end at once. So a web application
 * that is stopped leaves no thread of its own behind (a container would report it as a leak), and
 * the next lease starts a fresh executor.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class LaneExecutors {
    private static final System.Logger LOG = System.getLogger(LaneExecutors.class.getName());
    private static final LaneExecutors SHARED = new LaneExecutors();

    private final Object lock = new Object();
    private @Nullable ExecutorService current; // guarded by lock
    private int leases; // guarded by lock

    /** A registry of its own (tests); the engines use the JVM's one through {@link #acquire()}. */
    LaneExecutors() {}

    /** Takes a lease on the shared executor, starting it when no lease is open. */
    public static Lease acquire() {
        return SHARED.lease();
    }

    Lease lease() {
        synchronized (lock) {
            ExecutorService executor = current;
            if (executor == null) {
                executor = create();
                current = executor;
            }
            leases++;
            return new Lease(this, executor);
        }
    }

    private void release(ExecutorService executor) {
        ExecutorService last = null;
        synchronized (lock) {
            if (--leases == 0 && current == executor) {
                last = executor;
                current = null;
            }
        }
        if (last != null) {
            last.shutdown();
            LOG.log(Level.DEBUG, "the last lane user closed: lane threads end");
        }
    }

    /** A user's hold on the shared executor. Thread-safety: safe for concurrent use. */
    public static final class Lease implements AutoCloseable {
        private final LaneExecutors owner;
        private final ExecutorService executor;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(LaneExecutors owner, ExecutorService executor) {
            this.owner = owner;
            this.executor = executor;
        }

        /** The shared executor. */
        public Executor executor() {
            return executor;
        }

        /** Gives the lease back; the last one shuts the executor down. Idempotent. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                owner.release(executor);
            }
        }
    }

    private static ExecutorService create() {
        try {
            var handle =
                    MethodHandles.publicLookup()
                            .findStatic(
                                    java.util.concurrent.Executors.class,
                                    "newVirtualThreadPerTaskExecutor",
                                    MethodType.methodType(ExecutorService.class));
            ExecutorService virtual = (ExecutorService) handle.invoke();
            LOG.log(Level.DEBUG, "session lanes run on virtual threads");
            return virtual;
        } catch (Throwable notAvailable) {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(
                            0,
                            Integer.MAX_VALUE,
                            60,
                            TimeUnit.SECONDS,
                            new SynchronousQueue<>(),
                            r -> {
                                Thread t =
                                        new Thread(r, "jsocketio-lane-" + count.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
            LOG.log(Level.DEBUG, "session lanes run on a cached daemon thread pool");
            return pool;
        }
    }
}
