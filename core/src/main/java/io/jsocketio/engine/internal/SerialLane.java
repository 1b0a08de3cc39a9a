package io.jsocketio.engine.internal;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * An executor that runs its tasks one at a time, in submission order: the serial lane of one
 * session, of a server's callbacks, or of the engine's {@code connection_error} listeners. Never
 * two of its tasks run at once, and each task sees the effects of the ones before it. This is the
 * one serial-execution type of the code base (engine and Socket.IO layer alike).
 *
 * <p>Tasks run on the delegate executor ({@link #execute}), or, through {@link #runOrExecute}, on
 * the calling thread when the lane is idle: the container thread that delivered a packet then
 * decodes, dispatches, encodes and writes in one pass, with no hand-off, as Node's event loop does
 * per connection. A thread already running a lane task never runs a second lane inline (no
 * nesting); the task then goes to the delegate.
 *
 * <p>A task that throws is logged at WARNING and the lane goes on with the next one. After {@value
 * #BATCH} tasks in a row the lane hands its thread back and queues itself on the delegate again, so
 * one busy session cannot hold a thread forever.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #execute} may be called from a task of this
 * lane (the new task then runs after the current one, never inside it).
 */
public final class SerialLane implements Executor, Runnable {
    private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());
    private static final int BATCH = 64;
    private static final ThreadLocal<@Nullable SerialLane> CURRENT = new ThreadLocal<>();
    private static final VarHandle SCHEDULED;

    static {
        try {
            SCHEDULED =
                    MethodHandles.lookup().findVarHandle(SerialLane.class, "scheduled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Executor delegate;
    private final String name;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    /** 1 while a drain is queued on the delegate or running on some thread; see SCHEDULED. */
    @SuppressWarnings("unused")
    private volatile int scheduled;

    /** A lane running its tasks on {@code delegate}; {@code name} appears in log records. */
    public SerialLane(Executor delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /** Whether the calling thread is running a task of this lane. */
    public boolean isCurrent() {
        return CURRENT.get() == this;
    }

    /** Whether the calling thread is running a task of any lane. */
    public static boolean onAnyLane() {
        return CURRENT.get() != null;
    }

    /** Queues {@code task}; it runs on the delegate after every task submitted before it. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            submit();
        }
    }

    /**
     * Runs {@code task} on the calling thread when the lane is idle (nothing queued, nothing
     * running) and the thread runs no lane task already; otherwise queues it as {@link #execute}
     * does. Returns whether it ran here. Tasks submitted meanwhile also run here, up to the batch
     * limit.
     */
    public boolean runOrExecute(Runnable task) {
        if (CURRENT.get() == null && tasks.isEmpty() && SCHEDULED.compareAndSet(this, 0, 1)) {
            drain(task);
            return true;
        }
        execute(task);
        return false;
    }

    private void submit() {
        try {
            delegate.execute(this);
        } catch (RejectedExecutionException e) {
            SCHEDULED.setVolatile(this, 0);
            // after its owner closed, the shared executor is shut down: late work is expected
            boolean shutDown = delegate instanceof ExecutorService es && es.isShutdown();
            int dropped = tasks.size();
            LOG.log(
                    shutDown ? Level.DEBUG : Level.WARNING,
                    () -> "lane " + name + ": executor refused work, " + dropped + " dropped",
                    shutDown ? null : e);
            tasks.clear();
        }
    }

    /** Drains the queue; runs on the delegate. */
    @Override
    public void run() {
        drain(null);
    }

    private void drain(@Nullable Runnable first) {
        SerialLane previous = CURRENT.get();
        CURRENT.set(this);
        try {
            int n = 0;
            if (first != null) {
                runSafely(first);
                n++;
            }
            for (; n < BATCH; n++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                runSafely(task);
            }
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
        if (!tasks.isEmpty()) {
            submit();
            return;
        }
        SCHEDULED.setVolatile(this, 0);
        // a task added between the last poll and the reset above must not be stranded
        if (!tasks.isEmpty() && SCHEDULED.compareAndSet(this, 0, 1)) {
            submit();
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            LOG.log(Level.WARNING, () -> "lane " + name + ": a listener failed", e);
        }
    }

    @Override
    public String toString() {
        return "SerialLane[" + name + "]";
    }
}
