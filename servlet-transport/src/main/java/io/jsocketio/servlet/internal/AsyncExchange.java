package io.jsocketio.servlet.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.PollingExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PollingExchange} over a servlet {@link AsyncContext}: the body is read with a {@code
 * ReadListener}, the response written with a {@link WriteListener}, and the end of the client is
 * seen through the {@link AsyncListener} callbacks (error, timeout, or completion by the container
 * before the engine answered).
 *
 * <p>Thread-safety: {@link #respond}, {@link #readBody} and {@link #onAbort} may be called from any
 * thread; the state they share is guarded by {@code lock}, which is never held while calling the
 * container or the engine's callbacks.
 */
public final class AsyncExchange implements PollingExchange, AsyncListener {
    private static final Logger LOG = System.getLogger(AsyncExchange.class.getName());
    private static final int CHUNK = 8192;

    private enum State {
        /** Waiting for the engine's answer. */
        OPEN,
        /** The engine answered; the response is being written. */
        RESPONDING,
        /** The response was written and the exchange completed. */
        DONE,
        /** The client went away (or the container gave up) before the engine answered. */
        ABORTED
    }

    private final Object lock = new Object();
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final EngineRequest engineRequest;
    private State state = State.OPEN; // guarded by lock
    private @Nullable Runnable abortAction; // guarded by lock
    private boolean bodyRequested; // guarded by lock
    private @Nullable BodyReader reader; // guarded by lock

    private AsyncExchange(
            HttpServletRequest request,
            HttpServletResponse response,
            AsyncContext async,
            EngineRequest engineRequest) {
        this.request = request;
        this.response = response;
        this.async = async;
        this.engineRequest = engineRequest;
    }

    /**
     * Puts the request in asynchronous mode with no container timeout (the engine decides when to
     * answer) and wraps it. Call on the dispatching container thread.
     */
    public static AsyncExchange start(
            HttpServletRequest request, HttpServletResponse response, EngineRequest snapshot) {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        AsyncExchange exchange = new AsyncExchange(request, response, async, snapshot);
        async.addListener(exchange);
        return exchange;
    }

    @Override
    public EngineRequest request() {
        return engineRequest;
    }

    @Override
    public void readBody(long maxBytes, BodyCallback callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (lock) {
            if (bodyRequested) {
                throw new IllegalStateException("the body was already requested");
            }
            bodyRequested = true;
        }
        BodyReader reader = new BodyReader(maxBytes, callback);
        synchronized (lock) {
            this.reader = reader;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            // refused before a single byte is read
            reader.tooLarge();
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            reader.attach(in, declared);
            in.setReadListener(reader);
        } catch (IOException | RuntimeException e) {
            reader.onError(e);
        }
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        synchronized (lock) {
            if (state != State.OPEN) {
                LOG.log(Level.DEBUG, () -> "ignored answer to a finished exchange: " + state);
                return;
            }
            state = State.RESPONDING;
        }
        try {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentLength(body.length);
            ServletOutputStream out = response.getOutputStream();
            out.setWriteListener(new BodyWriter(out, body));
        } catch (IOException | RuntimeException e) {
            // the client is gone or the container refused: nothing more can be sent
            LOG.log(Level.DEBUG, () -> "could not start the response: " + e);
            finish();
        }
    }

    /**
     * Stops the body read for good (the session ended): answers 400 with {@code Connection: close}
     * so the container drops the connection instead of waiting for the rest of the body.
     */
    @Override
    public void abandonBody() {
        BodyReader r;
        synchronized (lock) {
            r = reader;
        }
        if (r == null || !r.abandon()) {
            return;
        }
        LOG.log(
                Level.DEBUG,
                () -> "body read abandoned, its session ended: " + engineRequest.url());
        respond(400, Map.of("Connection", "close"), new byte[0]);
    }

    /** The bytes the body buffer holds room for now (what a slow body costs). */
    int bodyBufferCapacity() {
        BodyReader r;
        synchronized (lock) {
            r = reader;
        }
        return r == null ? 0 : r.capacity();
    }

    @Override
    public void onAbort(Runnable action) {
        Objects.requireNonNull(action, "action");
        boolean runNow;
        synchronized (lock) {
            runNow = state == State.ABORTED;
            if (!runNow) {
                abortAction = action;
            }
        }
        if (runNow) {
            action.run();
        }
    }

    // ---- AsyncListener: how the container reports the end of the exchange

    @Override
    public void onComplete(AsyncEvent event) {
        // completion by the container before the engine answered means the client is gone
        abort("completed by the container", null);
        synchronized (lock) {
            if (state == State.RESPONDING) {
                state = State.DONE;
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abort("timed out", null);
        finish();
    }

    @Override
    public void onError(AsyncEvent event) {
        abort("failed", event.getThrowable());
        finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not re-dispatched
    }

    private void abort(String what, @Nullable Throwable cause) {
        Runnable action;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.ABORTED;
            action = abortAction;
            abortAction = null;
        }
        LOG.log(
                Level.DEBUG,
                () -> "polling request " + what + " before the answer: " + engineRequest.url(),
                cause);
        if (action != null) {
            action.run();
        }
    }

    private void finish() {
        synchronized (lock) {
            if (state == State.DONE) {
                return;
            }
            if (state != State.ABORTED) {
                state = State.DONE;
            }
        }
        try {
            async.complete();
        } catch (IllegalStateException e) {
            LOG.log(Level.DEBUG, () -> "exchange already completed: " + e.getMessage());
        }
    }

    /** Reads the request body chunk by chunk, giving up as soon as the limit is passed. */
    private final class BodyReader implements jakarta.servlet.ReadListener {
        private final long maxBytes;
        private final BodyCallback callback;
        private @Nullable ServletInputStream in;
        private byte[] buffer = new byte[0]; // grows with the bytes that arrived, never beyond cap
        private long cap;
        private int size;
        // set by container callbacks, which never overlap, and by abandon() from the engine
        private final java.util.concurrent.atomic.AtomicBoolean done =
                new java.util.concurrent.atomic.AtomicBoolean();

        BodyReader(long maxBytes, BodyCallback callback) {
            this.maxBytes = maxBytes;
            this.callback = callback;
        }

        void attach(ServletInputStream in, long declared) {
            this.in = in;
            // nothing is allocated for a declared length (it may be a lie, or arrive slowly): the
            // buffer grows with the bytes that arrived, never beyond what was declared
            cap = Math.min(maxBytes, Integer.MAX_VALUE - 8);
            if (declared >= 0) {
                cap = Math.min(cap, declared);
            }
        }

        boolean abandon() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            buffer = new byte[0];
            return true;
        }

        int capacity() {
            return buffer.length;
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream input = Objects.requireNonNull(in);
            byte[] chunk = null; // per call: a reader waiting for slow bytes keeps none
            while (!done.get() && input.isReady()) {
                if (chunk == null) {
                    chunk = new byte[CHUNK];
                }
                int n = input.read(chunk);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                if ((long) size + n > maxBytes) {
                    tooLarge();
                    return;
                }
                append(chunk, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            byte[] body = size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
            buffer = new byte[0];
            callback.onBody(body);
        }

        @Override
        public void onError(Throwable error) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            buffer = new byte[0];
            LOG.log(Level.DEBUG, () -> "could not read a polling body: " + error);
            callback.onError(error);
        }

        void tooLarge() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            buffer = new byte[0];
            LOG.log(
                    Level.DEBUG,
                    () -> "polling body over " + maxBytes + " bytes: " + engineRequest.url());
            callback.onTooLarge();
        }

        private void append(byte[] chunk, int n) {
            if (size + n > buffer.length) {
                long grown = Math.max((long) buffer.length * 2, (long) size + n);
                long capped = Math.max(Math.min(grown, cap), (long) size + n);
                buffer = java.util.Arrays.copyOf(buffer, (int) capped);
            }
            System.arraycopy(chunk, 0, buffer, size, n);
            size += n;
        }
    }

    /** Writes the whole body without blocking, then completes the exchange. */
    private final class BodyWriter implements WriteListener {
        private final ServletOutputStream out;
        private byte @Nullable [] body;

        BodyWriter(ServletOutputStream out, byte[] body) {
            this.out = out;
            this.body = body;
        }

        @Override
        public void onWritePossible() throws IOException {
            byte[] pending = body;
            if (pending != null) {
                body = null;
                if (pending.length > 0) {
                    out.write(pending);
                    if (!out.isReady()) {
                        return; // called again once the bytes are out
                    }
                }
            }
            finish();
        }

        @Override
        public void onError(Throwable error) {
            LOG.log(Level.DEBUG, () -> "could not write a polling response: " + error);
            finish();
        }
    }
}
