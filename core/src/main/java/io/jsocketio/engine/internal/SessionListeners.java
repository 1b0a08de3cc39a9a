package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket.CloseListener;
import io.jsocketio.engine.EngineSocket.MessageListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The message and close listeners of one session, and their calls on its lane: messages in arrival
 * order, then the close listeners exactly once, after every message that arrived before the close.
 * A listener that throws is logged at WARNING; the others still run and the session goes on.
 *
 * <p>Thread-safety: its lists are guarded by the session's lock (copied on write, so calls run
 * without it); delivery happens on the lane only.
 */
final class SessionListeners {
    private static final System.Logger LOG = System.getLogger(SessionListeners.class.getName());

    private final Object lock;
    private final String id;
    private final SerialLane lane;
    private List<MessageListener> messageListeners = List.of(); // guarded by lock
    private List<CloseListener> closeListeners = List.of(); // guarded by lock
    private @Nullable CloseReason closeReason; // guarded by lock; set when the session closed
    private @Nullable String closeDescription; // guarded by lock

    /** Set on the lane once the close listeners ran; later message deliveries are dropped. */
    private volatile boolean closeDelivered;

    SessionListeners(Object lock, String id, SerialLane lane) {
        this.lock = lock;
        this.id = id;
        this.lane = lane;
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

    /** Hands messages to the lane. */
    void dispatch(@Nullable List<EngineMessage> messages) {
        if (messages != null && !messages.isEmpty()) {
            lane.execute(() -> deliver(messages));
        }
    }

    /**
     * Records the close (with the session's lock held) and returns the task that tells the close
     * listeners; run it on the lane once the lock is released.
     */
    Runnable closeLocked(CloseReason reason, @Nullable String description) {
        closeReason = reason;
        closeDescription = description;
        List<CloseListener> listeners = closeListeners;
        closeListeners = List.of();
        // message listeners stay until the lane has delivered what arrived before the close
        return () -> notifyClose(listeners, reason, description);
    }

    private void deliver(List<EngineMessage> messages) {
        if (closeDelivered) {
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
