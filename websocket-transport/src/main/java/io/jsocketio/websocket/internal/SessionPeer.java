package io.jsocketio.websocket.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketPeer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WebSocketPeer} over a JSR-356 {@link Session}'s asynchronous remote. The engine owns the
 * send order and hands over one batch at a time; this peer writes a batch's frames in order. On
 * Jetty, whose asynchronous remote queues sends and writes the frames queued meanwhile with one
 * gathering write, a batch's frames are all handed over at once; on other containers (Tomcat throws
 * on overlapping asynchronous sends) one at a time, the next one from the previous one's {@link
 * SendHandler}, without recursion when a send completes on the calling thread. {@link #close} waits
 * for the batch in flight, so a close packet sent just before still goes out first.
 *
 * <p>Thread-safety: every method may be called from any thread. Its state is guarded by {@code
 * lock}, never held while calling the container or a completion callback.
 */
public final class SessionPeer implements WebSocketPeer {
    private static final Logger LOG = System.getLogger(SessionPeer.class.getName());
    private static final int MAX_REASON_BYTES = 123;

    /** Tomcat's user property: how long a closing session waits for the client's close frame. */
    static final String TOMCAT_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";

    private final Object lock = new Object();
    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final EngineRequest request;
    private final long closeTimeoutMillis;
    private @Nullable Batch inFlight; // guarded by lock
    private @Nullable CloseReason pendingClose; // guarded by lock
    private boolean closed; // guarded by lock: no more sends are accepted

    /**
     * Wraps an open session.
     *
     * @param sendTimeoutMillis how long one send may take before it fails (a peer that stopped
     *     reading), or a value below 1 for the container's default
     */
    public SessionPeer(Session session, EngineRequest request, long sendTimeoutMillis) {
        this(session, request, sendTimeoutMillis, 0);
    }

    /**
     * Wraps an open session whose connection is dropped {@code closeTimeoutMillis} after the
     * server's close frame when the client neither answers it nor closes (below 1: the container's
     * own behaviour, which on Jetty is to wait forever).
     */
    public SessionPeer(
            Session session,
            EngineRequest request,
            long sendTimeoutMillis,
            long closeTimeoutMillis) {
        this.session = Objects.requireNonNull(session, "session");
        this.request = Objects.requireNonNull(request, "request");
        this.closeTimeoutMillis = closeTimeoutMillis;
        if (closeTimeoutMillis > 0) {
            session.getUserProperties().put(TOMCAT_CLOSE_TIMEOUT, closeTimeoutMillis);
        }
        this.remote = session.getAsyncRemote();
        if (sendTimeoutMillis > 0) {
            remote.setSendTimeout(sendTimeoutMillis);
        }
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public void send(List<WebSocketFrame> frames, Consumer<Throwable> done) {
        Objects.requireNonNull(done, "done");
        if (frames.isEmpty()) {
            done.accept(null);
            return;
        }
        Batch batch = new Batch(List.copyOf(frames), done);
        String refused = null;
        synchronized (lock) {
            if (closed || pendingClose != null) {
                refused = "WebSocket closed";
            } else if (inFlight != null) {
                refused = "a batch is already in flight";
            } else {
                inFlight = batch;
            }
        }
        if (refused != null) {
            complete(done, new IOException(refused));
            return;
        }
        batch.start();
    }

    @Override
    public void close(int code, String reason) {
        CloseReason close = closeReason(code, reason);
        synchronized (lock) {
            if (closed || pendingClose != null) {
                return;
            }
            if (inFlight != null) {
                pendingClose = close; // closed once the batch in flight is out
                return;
            }
            closed = true;
        }
        closeSession(close);
    }

    /** The container reported the end of the WebSocket: frames not yet handed to it fail. */
    public void terminated() {
        synchronized (lock) {
            closed = true;
            pendingClose = null;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void finished(Batch batch, @Nullable Throwable failure) {
        CloseReason close = null;
        synchronized (lock) {
            if (inFlight == batch) {
                inFlight = null;
            }
            if (pendingClose != null && !closed) {
                close = pendingClose;
                pendingClose = null;
                closed = true;
            }
        }
        complete(batch.done, failure);
        if (close != null) {
            closeSession(close);
        }
    }

    private void closeSession(CloseReason close) {
        try {
            if (session.isOpen()) {
                if (closeTimeoutMillis > 0) {
                    // no traffic follows our close frame but the client's answer: the idle timeout
                    // becomes the close deadline (Jetty applies it at once; Tomcat uses its own)
                    session.setMaxIdleTimeout(closeTimeoutMillis);
                }
                session.close(close);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "closing a WebSocket failed: " + e);
        }
    }

    private static void complete(Consumer<Throwable> done, @Nullable Throwable failure) {
        try {
            done.accept(failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a send completion callback failed", e);
        }
    }

    static CloseReason closeReason(int code, String reason) {
        CloseReason.CloseCode closeCode;
        try {
            closeCode = CloseReason.CloseCodes.getCloseCode(code);
        } catch (IllegalArgumentException e) {
            closeCode = CloseReason.CloseCodes.NORMAL_CLOSURE;
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        String shortReason = reason;
        if (bytes.length > MAX_REASON_BYTES) {
            // cut at a character boundary: the close frame holds at most 123 bytes of reason
            int end = reason.length();
            while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length
                    > MAX_REASON_BYTES) {
                end--;
            }
            shortReason = reason.substring(0, end);
        }
        return new CloseReason(closeCode, shortReason);
    }

    /** One batch handed over by the engine, written frame by frame. */
    private final class Batch {
        private final List<WebSocketFrame> frames;
        private final Consumer<Throwable> done;
        private int next; // the next frame to hand over (loop owner only)

        Batch(List<WebSocketFrame> frames, Consumer<Throwable> done) {
            this.frames = frames;
            this.done = done;
        }

        void start() {
            sequential();
        }

        /** Hands frames over one by one; runs while the loop is ours. */
        private void sequential() {
            while (true) {
                if (next == frames.size()) {
                    finished(this, null);
                    return;
                }
                if (isClosed()) {
                    finished(this, new IOException("WebSocket closed"));
                    return;
                }
                Send send = new Send();
                write(frames.get(next++), send);
                if (send.returned()) {
                    return; // the container's callback continues the loop
                }
                Throwable failed = send.failure; // it completed on this thread
                if (failed != null) {
                    finished(this, failed);
                    return;
                }
            }
        }

        private void write(WebSocketFrame frame, SendHandler handler) {
            try {
                if (frame.isText()) {
                    remote.sendText(frame.text(), handler);
                } else {
                    remote.sendBinary(frame.binary(), handler);
                }
            } catch (RuntimeException e) {
                // e.g. IllegalStateException from a container that already closed the session
                handler.onResult(new SendResult(e));
            }
        }

        /**
         * One sequential send. Its result may come on the calling thread before the send call
         * returns, or later on another thread; whichever comes second continues the loop.
         */
        private final class Send implements SendHandler {
            private static final int PENDING = 0;
            private static final int RETURNED = 1;
            private static final int COMPLETED = 2;

            private final AtomicInteger state = new AtomicInteger(PENDING);
            private volatile @Nullable Throwable failure;

            @Override
            public void onResult(SendResult result) {
                if (!result.isOK()) {
                    Throwable error = result.getException();
                    LOG.log(Level.DEBUG, () -> "a WebSocket send failed: " + error);
                    failure = error != null ? error : new IOException("send failed");
                }
                if (!state.compareAndSet(PENDING, COMPLETED)) {
                    // the send call already returned: this callback owns the loop now
                    if (failure != null) {
                        finished(Batch.this, failure);
                    } else {
                        sequential();
                    }
                }
            }

            /** Called once the send call returned; true when the result did not come yet. */
            boolean returned() {
                return state.compareAndSet(PENDING, RETURNED);
            }
        }
    }
}
