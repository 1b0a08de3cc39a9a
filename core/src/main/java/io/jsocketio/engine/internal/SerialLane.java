package io.jsocketio.engine.internal;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An executor that runs its tasks one at a time, in submission order, on a delegate executor: the
 * serial lane of one session (or the engine's lane for {@code connection_error} listeners). Never
 * two of its tasks run at once, and each task sees the effects of the ones before it.
 *
 * <p>A task that throws is logged at WARNING and the lane goes on with the next one. After {@value
 * #BATCH} tasks in a row the lane hands its thread back to the delegate and queues itself again, so
 * one busy session cannot hold a pool thread forever.
 *
 * <p>Thread-safety: {@link #execute} may be called from any thread, also from a task of this lane
 * (the new task then runs after the current one, never inside it).
 */
final class SerialLane implements Executor, Runnable {
    private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());
    private static final int BATCH = 64;
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

    /** 1 while a drain is queued on or running in the delegate; set through {@link #SCHEDULED}. */
    @SuppressWarnings("unused")
    private volatile int scheduled;

    SerialLane(Executor delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            submit();
        }
    }

    private void submit() {
        try {
            delegate.execute(this);
        } catch (RejectedExecutionException e) {
            SCHEDULED.setVolatile(this, 0);
            LOG.log(
                    Level.WARNING,
                    () -> "lane " + name + ": executor refused work, " + tasks.size() + " dropped",
                    e);
            tasks.clear();
        }
    }

    /** Drains the queue; runs on the delegate. */
    @Override
    public void run() {
        for (int n = 0; n < BATCH; n++) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            runSafely(task);
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
