package io.jsocketio.engine.testing;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.PollingExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link PollingExchange} for tests: the body is given up front and delivered at once by {@link
 * #readBody} (or held until {@link #deliverBody()} when made with {@link #deferBody()}); the
 * response is recorded; {@link #abort()} plays a client that goes away.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #response()} may be awaited from another thread
 * with {@link #await(Duration)}.
 */
public final class FakePollingExchange implements PollingExchange {
    private final EngineRequest request;
    private final byte[] body;
    private final CompletableFuture<Response> response = new CompletableFuture<>();
    private final Object lock = new Object();
    private boolean deferBody; // guarded by lock
    private long maxBytes; // guarded by lock
    private BodyCallback bodyCallback; // guarded by lock
    private Runnable abortAction; // guarded by lock
    private int respondCalls; // guarded by lock

    /** An exchange for this request and body. */
    public FakePollingExchange(EngineRequest request, byte[] body) {
        this.request = request;
        this.body = body.clone();
    }

    /** A GET of {@code url}. */
    public static FakePollingExchange get(String url) {
        return new FakePollingExchange(FakeEngineRequest.get(url), new byte[0]);
    }

    /** A POST of {@code url} with a UTF-8 body. */
    public static FakePollingExchange post(String url, String body) {
        return new FakePollingExchange(
                FakeEngineRequest.of("POST", url), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request of any method without body. */
    public static FakePollingExchange of(EngineRequest request) {
        return new FakePollingExchange(request, new byte[0]);
    }

    /** Holds the body back until {@link #deliverBody()}; returns this. */
    public FakePollingExchange deferBody() {
        synchronized (lock) {
            deferBody = true;
        }
        return this;
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public void readBody(long maxBytes, BodyCallback callback) {
        boolean now;
        synchronized (lock) {
            if (bodyCallback != null) {
                throw new IllegalStateException("readBody called twice");
            }
            this.maxBytes = maxBytes;
            this.bodyCallback = callback;
            now = !deferBody;
        }
        if (now) {
            deliverBody();
        }
    }

    /** Delivers the body (or reports it too large) to the engine's callback. */
    public void deliverBody() {
        BodyCallback cb;
        long max;
        synchronized (lock) {
            cb = bodyCallback;
            max = maxBytes;
        }
        if (cb == null) {
            throw new IllegalStateException("the engine did not read the body");
        }
        if (body.length > max) {
            cb.onTooLarge();
        } else {
            cb.onBody(body.clone());
        }
    }

    /** Reports a read failure to the engine's callback. */
    public void failBody(Throwable error) {
        BodyCallback cb;
        synchronized (lock) {
            cb = bodyCallback;
        }
        cb.onError(error);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        synchronized (lock) {
            respondCalls++;
        }
        response.complete(new Response(status, Map.copyOf(headers), body.clone()));
    }

    @Override
    public void onAbort(Runnable action) {
        synchronized (lock) {
            abortAction = action;
        }
    }

    /** The client goes away: runs the abort action if the exchange is unanswered. */
    public void abort() {
        Runnable action;
        synchronized (lock) {
            action = abortAction;
        }
        if (action != null && !response.isDone()) {
            action.run();
        }
    }

    /** Whether the engine answered. */
    public boolean responded() {
        return response.isDone();
    }

    /** How many times {@link #respond} was called (the engine must call it once). */
    public int respondCalls() {
        synchronized (lock) {
            return respondCalls;
        }
    }

    /**
     * The response.
     *
     * @throws IllegalStateException when not answered yet
     */
    public Response response() {
        Response r = response.getNow(null);
        if (r == null) {
            throw new IllegalStateException("not answered: " + request);
        }
        return r;
    }

    /** Waits for the response. */
    public Response await(Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shorthand: the status of the response. */
    public int status() {
        return response().status();
    }

    /** Shorthand: the body of the response as UTF-8. */
    public String body() {
        return response().text();
    }

    /**
     * A recorded response.
     *
     * @param status the status
     * @param headers the headers as given
     * @param body the body
     */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header by exact name, or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }
}
