package io.jsocketio.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor: the server's callback
 * lane. A task that throws is logged and the lane goes on.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor delegate;
    private final Object lock = new Object();
    private final Queue<Runnable> tasks = new ArrayDeque<>(); // guarded by lock
    private boolean running; // guarded by lock

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        delegate.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                Lanes.run(this, next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "callback failed", e);
            }
        }
    }
}
