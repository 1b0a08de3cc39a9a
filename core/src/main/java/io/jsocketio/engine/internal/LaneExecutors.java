package io.jsocketio.engine.internal;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that runs session lanes when {@code options.executor()} is not set, shared by every
 * engine of the JVM. On Java 21 and later it starts one virtual thread per lane drain ({@code
 * Executors.newVirtualThreadPerTaskExecutor()}, found at run time since the code targets Java 17);
 * on Java 17 it is a cached pool of daemon threads named {@code jsocketio-lane-N} that grows with
 * the number of lanes busy at once and lets idle threads go after 60 seconds. It is never shut down
 * (its threads are daemons).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class LaneExecutors {
    private static final System.Logger LOG = System.getLogger(LaneExecutors.class.getName());

    private LaneExecutors() {}

    /** The shared default executor. */
    public static Executor shared() {
        return Holder.SHARED;
    }

    private static final class Holder {
        static final Executor SHARED = create();
    }

    private static Executor create() {
        try {
            var handle =
                    MethodHandles.publicLookup()
                            .findStatic(
                                    java.util.concurrent.Executors.class,
                                    "newVirtualThreadPerTaskExecutor",
                                    MethodType.methodType(ExecutorService.class));
            Executor virtual = (Executor) handle.invoke();
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
