package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket.CloseListener;
import io.jsocketio.engine.EngineSocket.MessageListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The message and close listeners of one session, and their calls on its lane: messages in arrival
 * order, then the close listeners exactly once. Inbound messages run on the delivering thread when
 * the lane is idle ({@link SerialLane#runOrExecute}); at most {@code maxQueued} of them wait for a
 * busy lane, beyond which the delivering transport thread waits for the lane to catch up
 * (back-pressure on that one sender). When the session ends for any reason but the client's own
 * close packet, messages still waiting are dropped: nothing queued for a gone client runs after its
 * session closed. A listener that throws is logged at WARNING; the others still run and the session
 * goes on.
 *
 * <p>Thread-safety: its lists are guarded by the session's lock (copied on write, so calls run
 * without it); delivery happens on the lane only; the queue count is atomic and waiting happens on
 * a monitor of its own, never with the session's lock held.
 */
final class SessionListeners {
    private static final System.Logger LOG = System.getLogger(SessionListeners.class.getName());

    private final Object lock;
    private final String id;
    private final SerialLane lane;
    private final boolean inline;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();
    private final Object room = new Object(); // waited on while queued > maxQueued
    private List<MessageListener> messageListeners = List.of(); // guarded by lock
    private List<CloseListener> closeListeners = List.of(); // guarded by lock
    private @Nullable CloseReason closeReason; // guarded by lock; set when the session closed
    private @Nullable String closeDescription; // guarded by lock

    /** Set on the lane once the close listeners ran; later message deliveries are dropped. */
    private volatile boolean closeDelivered;

    /** Set when the session ended: waiting transports stop waiting. */
    private volatile boolean ended;

    /** Set when the session ended other than by the client's close packet: queued messages drop. */
    private volatile boolean discardQueued;

    SessionListeners(Object lock, String id, SerialLane lane, boolean inline, int maxQueued) {
        this.lock = lock;
        this.id = id;
        this.lane = lane;
        this.inline = inline;
        this.maxQueued = maxQueued;
    }

    void addMessageListener(MessageListener listener) {
        synchronized (lock) {
            messageListeners = append(messageListeners, listener);
        }
    }

    /** Adds a close listener; one added after the close runs at once on the lane. */
    void addCloseListener(CloseListener listener) {
        CloseReason reason;
        String description;
        synchronized (lock) {
            if (closeReason == null) {
                closeListeners = append(closeListeners, listener);
                return;
            }
            reason = closeReason;
            description = closeDescription;
        }
        lane.execute(() -> notifyClose(List.of(listener), reason, description));
    }

    /**
     * Hands messages to the lane: runs them on this thread when the lane is idle (and inline
     * dispatch is on), else queues them. Called by transports, without the session's lock; when
     * {@code mayWait} and more than {@code maxQueued} messages wait, it returns only once the lane
     * has worked the queue down to half of that, or the session ended.
     */
    void dispatch(@Nullable List<EngineMessage> messages, boolean mayWait) {
        if (messages == null || messages.isEmpty()) {
            return;
        }
        int n = messages.size();
        queued.addAndGet(n);
        Runnable task =
                () -> {
                    try {
                        deliver(messages);
                    } finally {
                        delivered(n);
                    }
                };
        if (inline) {
            lane.runOrExecute(task);
        } else {
            lane.execute(task);
        }
        if (mayWait && queued.get() > maxQueued && !SerialLane.onAnyLane()) {
            awaitRoom();
        }
    }

    private void delivered(int n) {
        if (queued.addAndGet(-n) <= maxQueued / 2) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    private void awaitRoom() {
        LOG.log(Level.DEBUG, () -> id + ": " + queued.get() + " inbound messages queued, waiting");
        synchronized (room) {
            while (queued.get() > maxQueued / 2 && !ended) {
                try {
                    room.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Records the close (with the session's lock held) and returns the task that tells the close
     * listeners; run it on the lane once the lock is released.
     */
    Runnable closeLocked(CloseReason reason, @Nullable String description, boolean discard) {
        closeReason = reason;
        closeDescription = description;
        discardQueued = discard;
        ended = true;
        synchronized (room) {
            room.notifyAll();
        }
        List<CloseListener> listeners = closeListeners;
        closeListeners = List.of();
        // message listeners stay until the lane has delivered what arrived before the close
        return () -> notifyClose(listeners, reason, description);
    }

    private void deliver(List<EngineMessage> messages) {
        if (closeDelivered || discardQueued) {
            return;
        }
        List<MessageListener> listeners;
        synchronized (lock) {
            listeners = messageListeners;
        }
        for (EngineMessage m : messages) {
            for (MessageListener l : listeners) {
                try {
                    l.onMessage(m);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, () -> id + ": a message listener failed", e);
                }
            }
        }
    }

    private void notifyClose(
            List<CloseListener> listeners, CloseReason reason, @Nullable String description) {
        if (!closeDelivered) {
            closeDelivered = true;
            synchronized (lock) {
                messageListeners = List.of();
            }
        }
        for (CloseListener l : listeners) {
            try {
                l.onClose(reason, description);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> id + ": a close listener failed", e);
            }
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
