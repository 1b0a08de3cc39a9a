package io.jsocketio.engine.internal;

import io.jsocketio.engine.WebSocketHandler;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * The handler of a WebSocket handshake waiting for {@code allowRequest}'s answer: frames before it
 * are dropped (a client sends nothing before the open packet); a close before it is passed on once
 * the real handler exists.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class DeferredHandler implements WebSocketHandler {
    private static final System.Logger LOG = System.getLogger(DeferredHandler.class.getName());

    private final Object lock = new Object();
    private @Nullable WebSocketHandler target; // guarded by lock
    private boolean closed; // guarded by lock
    private int closeCode; // guarded by lock
    private String closeReason = ""; // guarded by lock

    void complete(WebSocketHandler handler) {
        boolean replay;
        int code;
        String reason;
        synchronized (lock) {
            target = handler;
            replay = closed;
            code = closeCode;
            reason = closeReason;
        }
        if (replay) {
            handler.onClose(code, reason);
        }
    }

    /** The real handler if the answer came already, else this. */
    WebSocketHandler resolved() {
        synchronized (lock) {
            return target != null ? target : this;
        }
    }

    private @Nullable WebSocketHandler target() {
        synchronized (lock) {
            return target;
        }
    }

    @Override
    public void onText(String text) {
        WebSocketHandler t = target();
        if (t != null) {
            t.onText(text);
        } else {
            LOG.log(Level.DEBUG, "frame before the handshake completed: dropped");
        }
    }

    @Override
    public void onBinary(byte[] data) {
        WebSocketHandler t = target();
        if (t != null) {
            t.onBinary(data);
        } else {
            LOG.log(Level.DEBUG, "frame before the handshake completed: dropped");
        }
    }

    @Override
    public void onClose(int code, String reason) {
        WebSocketHandler t;
        synchronized (lock) {
            t = target;
            if (t == null) {
                closed = true;
                closeCode = code;
                closeReason = reason;
                return;
            }
        }
        t.onClose(code, reason);
    }

    @Override
    public void onError(Throwable error) {
        WebSocketHandler t = target();
        if (t != null) {
            t.onError(error);
        }
    }
}
