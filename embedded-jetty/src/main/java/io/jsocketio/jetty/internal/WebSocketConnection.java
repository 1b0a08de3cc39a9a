package io.jsocketio.jetty.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * One server-side WebSocket on a Jetty {@link EndPoint}, after the HTTP connection was upgraded
 * ({@link WebSocketUpgradeHandler}): RFC 6455 framing without extensions, straight on the socket.
 *
 * <p>Reading: when the socket is readable, a pooled buffer is filled and parsed ({@link
 * FrameParser}); each whole message goes to the engine's {@link WebSocketHandler} on that thread,
 * and the next frame is not read until the handler returned, so a handler that blocks (the engine's
 * back-pressure) slows only this sender. The buffer goes back to the pool whenever it is empty: an
 * idle connection holds none. Pings are answered with pongs.
 *
 * <p>Writing: {@link #send} encodes a batch into headers plus the shared payloads and writes them
 * with one gathering write. Pongs and the close frame queue behind the batches already handed over;
 * one write is in flight at a time, and one completing on the calling thread does not recurse (the
 * drain loop goes on).
 *
 * <p>Closing: a close frame from the client is echoed; a protocol violation (1002), bad UTF-8
 * (1007) or a message over the size limit (1009) fails the connection with that code, after which
 * input is read and dropped. Once both close frames went, the output is shut and the socket ends
 * when the client closes its side. From the moment a close frame is queued, at most {@code
 * closeTimeout} passes before the socket is dropped, whatever the client does. No other timer runs:
 * the idle timeout is off while the WebSocket is open (the engine's heartbeat checks liveness).
 *
 * <p>Thread-safety: {@link #send} and {@link #close} may be called from any thread. The handler's
 * methods are called one at a time (a close that happens while a message is being delivered is
 * reported after the delivery returned), {@code onClose} at most once. Queue, flags and handler are
 * guarded by {@code lock}, which is never held while writing or calling the handler.
 */
final class WebSocketConnection extends AbstractConnection
        implements Connection.UpgradeTo, WebSocketPeer, FrameParser.Listener {
    private static final Logger LOG = System.getLogger(WebSocketConnection.class.getName());
    private static final int ABNORMAL = 1006;

    private final Object lock = new Object();
    private final EngineServer engine;
    private final EngineRequest request;
    private final ByteBufferPool pool;
    private final Scheduler scheduler;
    private final long closeTimeoutMillis;
    private final int bufferSize;
    private final FrameParser parser;
    private final Flush flush = new Flush();

    // the reading thread's own (one onFillable at a time)
    private RetainableByteBuffer.@Nullable Mutable input;
    private boolean discardInput; // after a protocol violation

    private final ArrayDeque<Write> writes = new ArrayDeque<>(); // guarded by lock
    private @Nullable Write current; // guarded by lock: the write in flight
    private boolean writing; // guarded by lock: a drain loop or a write is under way
    private boolean closeQueued; // guarded by lock: no more data or pongs
    private boolean closeSent; // guarded by lock
    private boolean closeReceived; // guarded by lock
    private boolean inputEnded; // guarded by lock
    private boolean ended; // guarded by lock: the endpoint closed
    private int localCloseCode; // guarded by lock: the code of our close frame, 0 before
    private Scheduler.@Nullable Task closeTimer; // guarded by lock

    private @Nullable WebSocketHandler handler; // guarded by lock
    private boolean delivering; // guarded by lock: a handler call is running
    private boolean closeReported; // guarded by lock
    private int pendingCloseCode; // guarded by lock: a close to report once delivering ends
    private String pendingCloseReason = ""; // guarded by lock

    /**
     * A connection for an accepted upgrade; it is handed to the engine when Jetty opens it.
     *
     * @param maxMessageSize the largest message accepted (the engine's {@code maxHttpBufferSize})
     * @param closeTimeoutMillis how long a started close handshake may take
     * @param bufferSize the size of the pooled read buffer
     */
    WebSocketConnection(
            EndPoint endPoint,
            Executor executor,
            Scheduler scheduler,
            ByteBufferPool pool,
            EngineServer engine,
            EngineRequest request,
            long maxMessageSize,
            long closeTimeoutMillis,
            int bufferSize) {
        super(endPoint, executor);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.request = Objects.requireNonNull(request, "request");
        this.closeTimeoutMillis = closeTimeoutMillis;
        this.bufferSize = bufferSize;
        this.parser = new FrameParser(maxMessageSize, this);
    }

    // ---- opening ------------------------------------------------------------------------------

    @Override
    public void onUpgradeTo(@Nullable ByteBuffer prefilled) {
        if (BufferUtil.hasContent(prefilled)) {
            // frames the client sent right behind its upgrade request
            RetainableByteBuffer.Mutable in =
                    pool.acquire(Math.max(bufferSize, prefilled.remaining()), false);
            ByteBuffer b = in.getByteBuffer();
            BufferUtil.append(b, prefilled);
            input = in;
        }
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(0); // the engine's heartbeat does liveness
        synchronized (lock) {
            delivering = true;
        }
        WebSocketHandler h;
        try {
            h = engine.handleWebSocket(this);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the engine failed to take a WebSocket", e);
            getEndPoint().close(e);
            return;
        }
        synchronized (lock) {
            handler = h;
        }
        endDelivery();
        RetainableByteBuffer in = input;
        if (in != null && in.hasRemaining()) {
            onFillable();
        } else {
            fillInterested();
        }
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    // ---- reading ------------------------------------------------------------------------------

    @Override
    public void onFillable() {
        try {
            while (true) {
                RetainableByteBuffer.Mutable in = input;
                if (in == null) {
                    in = pool.acquire(bufferSize, false);
                    input = in;
                }
                ByteBuffer b = in.getByteBuffer();
                if (b.hasRemaining()) {
                    if (discardInput || parser.isClosed()) {
                        BufferUtil.clear(b);
                    } else {
                        parser.parse(b);
                    }
                }
                int filled = getEndPoint().fill(b);
                if (filled > 0) {
                    continue;
                }
                if (!b.hasRemaining()) {
                    releaseInput();
                }
                if (filled == 0) {
                    fillInterested();
                } else {
                    releaseInput();
                    inputEnded();
                }
                return;
            }
        } catch (ProtocolViolation violation) {
            releaseInput();
            failConnection(violation);
            fillInterested(); // read and drop until the client closes or the timer fires
        } catch (IOException | RuntimeException e) {
            releaseInput();
            LOG.log(Level.DEBUG, () -> "WebSocket read failed: " + e);
            getEndPoint().close(e);
        }
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        releaseInput();
        super.onFillInterestedFailed(cause);
    }

    private void releaseInput() {
        RetainableByteBuffer in = input;
        if (in != null) {
            input = null;
            in.release();
        }
    }

    /** The client shut its side of the socket. */
    private void inputEnded() {
        boolean closing;
        boolean sent;
        synchronized (lock) {
            inputEnded = true;
            closing = closeQueued;
            sent = closeSent;
        }
        if (!closing) {
            getEndPoint().close(); // gone without a close frame: reported as 1006
        } else if (sent) {
            getEndPoint().shutdownOutput(); // both sides are done
        }
        // else: our close frame is being written; its completion ends the socket
    }

    private void failConnection(ProtocolViolation violation) {
        LOG.log(Level.DEBUG, () -> "failing a WebSocket: " + violation.getMessage());
        discardInput = true;
        queueClose(violation.code(), violation.getMessage());
        WebSocketHandler h = startDelivery(false);
        if (h != null) {
            try {
                h.onError(violation);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a WebSocket handler failed", e);
            } finally {
                endDelivery();
            }
        }
    }

    @Override
    public void onText(String text) {
        WebSocketHandler h = startDelivery(true);
        if (h == null) {
            return;
        }
        try {
            h.onText(text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a WebSocket handler failed", e);
        } finally {
            endDelivery();
        }
    }

    @Override
    public void onBinary(byte[] data) {
        WebSocketHandler h = startDelivery(true);
        if (h == null) {
            return;
        }
        try {
            h.onBinary(data);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a WebSocket handler failed", e);
        } finally {
            endDelivery();
        }
    }

    @Override
    public void onPing(byte[] payload) {
        offer(new Write(FrameEncoder.control(FrameParser.PONG, payload), Kind.PONG, null));
    }

    @Override
    public void onPong(byte[] payload) {
        // unsolicited or not, a pong needs no answer
    }

    @Override
    public void onCloseFrame(int code, String reason) {
        boolean echo;
        boolean sent;
        synchronized (lock) {
            closeReceived = true;
            echo = !closeQueued;
            sent = closeSent;
        }
        reportClose(code, reason);
        if (echo) {
            queueClose(code, reason);
        } else if (sent) {
            getEndPoint().shutdownOutput();
        }
    }

    /**
     * Starts a handler call: returns the handler, or null when none may run (the close was
     * reported, or, for messages, the server's close frame is queued).
     */
    private @Nullable WebSocketHandler startDelivery(boolean message) {
        synchronized (lock) {
            if (closeReported || handler == null || (message && closeQueued)) {
                return null;
            }
            delivering = true;
            return handler;
        }
    }

    /** Ends a handler call, reporting a close that came meanwhile. */
    private void endDelivery() {
        WebSocketHandler h;
        int code;
        String reason;
        synchronized (lock) {
            delivering = false;
            if (pendingCloseCode == 0 || closeReported || handler == null) {
                return;
            }
            closeReported = true;
            h = handler;
            code = pendingCloseCode;
            reason = pendingCloseReason;
        }
        callOnClose(h, code, reason);
    }

    /** Reports the end of the WebSocket to the handler, once, never during another call. */
    private void reportClose(int code, String reason) {
        WebSocketHandler h;
        synchronized (lock) {
            if (closeReported || pendingCloseCode != 0) {
                return;
            }
            if (delivering || handler == null) {
                pendingCloseCode = code;
                pendingCloseReason = reason;
                return;
            }
            closeReported = true;
            h = handler;
        }
        callOnClose(h, code, reason);
    }

    private static void callOnClose(WebSocketHandler h, int code, String reason) {
        try {
            h.onClose(code, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a WebSocket handler failed", e);
        }
    }

    // ---- writing ------------------------------------------------------------------------------

    @Override
    public void send(List<WebSocketFrame> frames, Consumer<@Nullable Throwable> done) {
        Objects.requireNonNull(done, "done");
        Write write = new Write(FrameEncoder.encode(frames), Kind.DATA, done);
        if (!offer(write)) {
            complete(write, new IOException("WebSocket closed"));
        }
    }

    @Override
    public void close(int code, String reason) {
        queueClose(code, reason);
    }

    /** Queues the close frame behind what was handed over, once; starts the close timer. */
    private void queueClose(int code, String reason) {
        Write write =
                new Write(
                        FrameEncoder.control(
                                FrameParser.CLOSE, FrameEncoder.closePayload(code, reason)),
                        Kind.CLOSE,
                        null);
        boolean drain;
        synchronized (lock) {
            if (closeQueued || ended) {
                return;
            }
            closeQueued = true;
            localCloseCode = code;
            writes.add(write);
            drain = !writing;
            writing = true;
        }
        Scheduler.Task timer =
                scheduler.schedule(this::closeTimedOut, closeTimeoutMillis, TimeUnit.MILLISECONDS);
        boolean late;
        synchronized (lock) {
            late = ended;
            if (!late) {
                closeTimer = timer;
            }
        }
        if (late) {
            timer.cancel();
        }
        if (drain) {
            drain();
        }
    }

    private void closeTimedOut() {
        LOG.log(Level.DEBUG, () -> "WebSocket close handshake timed out: " + this);
        getEndPoint().close(new TimeoutException("no close within " + closeTimeoutMillis + " ms"));
    }

    /** Queues a batch or a pong; false when the WebSocket is closing or closed. */
    private boolean offer(Write write) {
        synchronized (lock) {
            if (closeQueued || ended) {
                return false;
            }
            writes.add(write);
            if (writing) {
                return true;
            }
            writing = true;
        }
        drain();
        return true;
    }

    /** Writes queued entries one at a time; runs while {@code writing} is ours. */
    private void drain() {
        while (true) {
            Write next;
            synchronized (lock) {
                next = writes.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
                current = next;
            }
            flush.start();
            try {
                getEndPoint().write(flush, next.buffers);
            } catch (RuntimeException e) {
                flush.failed(e);
            }
            if (flush.returned()) {
                return; // completes later: the callback goes on with the loop
            }
        }
    }

    private void written(Write write, @Nullable Throwable failure) {
        if (write.kind == Kind.DATA) {
            complete(write, failure);
        }
        if (failure != null) {
            LOG.log(Level.DEBUG, () -> "WebSocket write failed: " + failure);
            getEndPoint().close(failure);
            return;
        }
        if (write.kind == Kind.CLOSE) {
            boolean shut;
            synchronized (lock) {
                closeSent = true;
                shut = closeReceived || inputEnded;
            }
            if (shut) {
                getEndPoint().shutdownOutput();
            }
        }
    }

    private static void complete(Write write, @Nullable Throwable failure) {
        try {
            Objects.requireNonNull(write.done).accept(failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a WebSocket send completion failed", e);
        }
    }

    // ---- end ----------------------------------------------------------------------------------

    @Override
    public void onClose(@Nullable Throwable cause) {
        super.onClose(cause);
        List<Write> dropped;
        Scheduler.@Nullable Task timer;
        int code;
        synchronized (lock) {
            ended = true;
            dropped = new ArrayList<>(writes);
            writes.clear();
            timer = closeTimer;
            closeTimer = null;
            code = localCloseCode != 0 ? localCloseCode : ABNORMAL;
        }
        if (timer != null) {
            timer.cancel();
        }
        IOException closed = new IOException("WebSocket closed");
        for (Write write : dropped) {
            if (write.kind == Kind.DATA) {
                complete(write, closed);
            }
        }
        reportClose(code, code == ABNORMAL ? "connection lost" : "");
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return true;
    }

    /** What a queued write carries. */
    private enum Kind {
        /** A batch from the engine, with its completion. */
        DATA,
        /** The answer to a ping. */
        PONG,
        /** Our close frame: the last write. */
        CLOSE
    }

    /**
     * One queued write.
     *
     * @param buffers what goes on the wire
     * @param kind what it carries
     * @param done the engine's completion of a batch, else null
     */
    private record Write(
            ByteBuffer[] buffers, Kind kind, @Nullable Consumer<@Nullable Throwable> done) {
        Write(ByteBuffer frame, Kind kind, @Nullable Consumer<@Nullable Throwable> done) {
            this(new ByteBuffer[] {frame}, kind, done);
        }
    }

    /**
     * The completion of the write in flight, reused for every write (one is in flight at a time).
     * The result may come on the writing thread before {@code write} returns, or later on another;
     * whichever comes second goes on with the drain loop.
     */
    private final class Flush implements Callback {
        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int COMPLETED = 2;

        private final AtomicInteger state = new AtomicInteger();

        void start() {
            state.set(PENDING);
        }

        /** Called once {@code write} returned; true when the result has not come yet. */
        boolean returned() {
            return state.compareAndSet(PENDING, RETURNED);
        }

        @Override
        public void succeeded() {
            finish(null);
        }

        @Override
        public void failed(Throwable failure) {
            finish(failure);
        }

        private void finish(@Nullable Throwable failure) {
            Write write;
            synchronized (lock) {
                write = current;
                current = null;
            }
            if (write != null) {
                written(write, failure);
            }
            if (!state.compareAndSet(PENDING, COMPLETED)) {
                drain();
            }
        }
    }
}
