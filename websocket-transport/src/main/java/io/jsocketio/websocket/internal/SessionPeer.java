package io.jsocketio.websocket.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.WebSocketPeer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WebSocketPeer} over a JSR-356 {@link Session}'s asynchronous remote. The engine keeps at
 * most one send in flight, but this peer does not rely on it: sends are queued and handed to the
 * container one at a time, the next one from the previous one's {@link SendHandler} (Tomcat throws
 * on overlapping asynchronous sends). A send the container completes on the calling thread does not
 * recurse: the queue is drained in a loop. {@link #close} waits for the sends already accepted, so
 * a close packet queued just before still goes out first.
 *
 * <p>Thread-safety: every method may be called from any thread. The queue and flags are guarded by
 * {@code lock}, never held while calling the container or a completion callback.
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
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>(); // guarded by lock
    private boolean sending; // guarded by lock: a drain loop or a container send is under way
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
    public void sendText(String text, Consumer<@Nullable Throwable> done) {
        offer(new Outgoing(Objects.requireNonNull(text, "text"), null, done));
    }

    @Override
    public void sendBinary(ByteBuffer data, Consumer<@Nullable Throwable> done) {
        offer(new Outgoing(null, Objects.requireNonNull(data, "data"), done));
    }

    @Override
    public void close(int code, String reason) {
        CloseReason close = closeReason(code, reason);
        synchronized (lock) {
            if (closed || pendingClose != null) {
                return;
            }
            pendingClose = close;
            if (sending) {
                return; // the drain loop closes once the accepted sends are out
            }
            sending = true;
        }
        drain();
    }

    /** The container reported the end of the WebSocket: sends not yet handed to it fail at once. */
    public void terminated() {
        List<Outgoing> dropped;
        synchronized (lock) {
            closed = true;
            pendingClose = null;
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        for (Outgoing o : dropped) {
            complete(o, new IOException("WebSocket closed"));
        }
    }

    private void offer(Outgoing outgoing) {
        Objects.requireNonNull(outgoing.done, "done");
        synchronized (lock) {
            if (!closed && pendingClose == null) {
                queue.add(outgoing);
                if (sending) {
                    return;
                }
                sending = true;
                outgoing = null;
            }
        }
        if (outgoing != null) {
            complete(outgoing, new IOException("WebSocket closed"));
            return;
        }
        drain();
    }

    /** Hands queued sends to the container one by one; runs while {@code sending} is ours. */
    private void drain() {
        while (true) {
            Outgoing next;
            CloseReason close = null;
            synchronized (lock) {
                next = queue.poll();
                if (next == null) {
                    sending = false;
                    if (pendingClose != null && !closed) {
                        close = pendingClose;
                        closed = true;
                    }
                }
            }
            if (next == null) {
                if (close != null) {
                    closeSession(close);
                }
                return;
            }
            Send send = new Send(next);
            try {
                if (next.text != null) {
                    remote.sendText(next.text, send);
                } else {
                    remote.sendBinary(Objects.requireNonNull(next.binary), send);
                }
            } catch (RuntimeException e) {
                // e.g. IllegalStateException from a container that already closed the session
                send.onResult(new SendResult(e));
            }
            if (!send.returned()) {
                continue; // completed on this thread: go on without recursion
            }
            return; // the container's callback continues the loop
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

    private static void complete(Outgoing o, @Nullable Throwable failure) {
        try {
            o.done.accept(failure);
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

    private record Outgoing(
            @Nullable String text,
            @Nullable ByteBuffer binary,
            Consumer<@Nullable Throwable> done) {}

    /**
     * One send handed to the container. Its result may come on the calling thread before the send
     * call returns, or later on another thread; whichever comes second continues the drain loop.
     */
    private final class Send implements SendHandler {
        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int COMPLETED = 2;

        private final Outgoing outgoing;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        Send(Outgoing outgoing) {
            this.outgoing = outgoing;
        }

        @Override
        public void onResult(SendResult result) {
            Throwable failure = result.isOK() ? null : result.getException();
            if (failure != null) {
                LOG.log(Level.DEBUG, () -> "a WebSocket send failed: " + failure);
            }
            complete(outgoing, failure);
            if (!state.compareAndSet(PENDING, COMPLETED)) {
                drain(); // the send call already returned: this callback owns the loop now
            }
        }

        /** Called once the send call returned; true when the result did not come yet. */
        boolean returned() {
            return state.compareAndSet(PENDING, RETURNED);
        }
    }
}
