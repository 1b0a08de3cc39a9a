package io.jsocketio.jetty.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.PollingExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PollingExchange} over a Jetty core request: the body is read with {@code
 * Request.read()}/{@code demand()} (no thread waits, and it stops as soon as the engine's limit is
 * passed, growing its buffer with the bytes that arrived, not the declared length), the response is
 * written with one asynchronous {@code Response.write}, and a client that goes away before the
 * engine answered is seen through the request's failure listener. Jetty's idle timeout does not end
 * a request the engine holds (a parked poll): the engine's heartbeat answers it in time.
 *
 * <p>Thread-safety: {@link #respond}, {@link #readBody} and {@link #onAbort} may be called from any
 * thread; the state they share is guarded by {@code lock}, never held while calling Jetty or the
 * engine's callbacks.
 */
final class JettyPollingExchange implements PollingExchange {
    private static final Logger LOG = System.getLogger(JettyPollingExchange.class.getName());

    private enum State {
        OPEN,
        RESPONDED,
        ABORTED
    }

    private final Object lock = new Object();
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final EngineRequest engineRequest;
    private State state = State.OPEN; // guarded by lock
    private @Nullable Runnable abortAction; // guarded by lock
    private boolean bodyRequested; // guarded by lock

    JettyPollingExchange(
            Request request, Response response, Callback callback, EngineRequest engineRequest) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.engineRequest = engineRequest;
        request.addIdleTimeoutListener(JettyPollingExchange::keepWaiting);
        request.addFailureListener(this::aborted);
    }

    /** A held poll outlives Jetty's idle timeout: the engine answers it. */
    private static boolean keepWaiting(TimeoutException timeout) {
        return false;
    }

    @Override
    public EngineRequest request() {
        return engineRequest;
    }

    @Override
    public void readBody(long maxBytes, BodyCallback body) {
        Objects.requireNonNull(body, "callback");
        synchronized (lock) {
            if (bodyRequested) {
                throw new IllegalStateException("the body was already requested");
            }
            bodyRequested = true;
        }
        long declared = request.getLength();
        if (declared > maxBytes) {
            body.onTooLarge(); // refused before a single byte is read
            return;
        }
        new BodyReader(maxBytes, body).run();
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
            state = State.RESPONDED;
        }
        try {
            response.setStatus(status);
            HttpFields.Mutable fields = response.getHeaders();
            headers.forEach(fields::put);
            fields.put("Content-Length", Integer.toString(body.length));
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "writing a polling response failed: " + e);
            callback.failed(e);
        }
    }

    @Override
    public void onAbort(Runnable action) {
        boolean now;
        synchronized (lock) {
            now = state == State.ABORTED;
            if (!now) {
                abortAction = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    private void aborted(Throwable failure) {
        Runnable action;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.ABORTED;
            action = abortAction;
            abortAction = null;
        }
        LOG.log(Level.DEBUG, () -> "polling request ended by the client: " + failure);
        callback.failed(failure);
        if (action != null) {
            action.run();
        }
    }

    /** Reads the body chunk by chunk as it arrives; never waits. */
    private final class BodyReader implements Runnable {
        private final long maxBytes;
        private final BodyCallback body;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

        BodyReader(long maxBytes, BodyCallback body) {
            this.maxBytes = maxBytes;
            this.body = body;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk;
                try {
                    chunk = request.read();
                } catch (RuntimeException e) {
                    body.onError(e);
                    return;
                }
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    body.onError(failure != null ? failure : new IOException("read failed"));
                    return;
                }
                ByteBuffer data = chunk.getByteBuffer();
                int n = data.remaining();
                if (bytes.size() + (long) n > maxBytes) {
                    chunk.release();
                    body.onTooLarge();
                    return;
                }
                if (data.hasArray()) {
                    bytes.write(data.array(), data.arrayOffset() + data.position(), n);
                } else {
                    byte[] copy = new byte[n];
                    data.get(copy);
                    bytes.write(copy, 0, n);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    body.onBody(bytes.toByteArray());
                    return;
                }
            }
        }
    }
}
