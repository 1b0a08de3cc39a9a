package io.jsocketio;

/**
 * Continues or stops a middleware chain ({@code next()} / {@code next(err)} in Node).
 *
 * <p>Thread-safety: may be called from any thread, now or later (an asynchronous check); the chain
 * continues on the connection's lane. Exactly one call counts; later calls are ignored.
 */
public interface Next {

    /** Passes to the next middleware, or completes the chain. */
    void proceed();

    /**
     * Stops the chain. For a namespace {@link Middleware} the client receives CONNECT_ERROR with
     * {@code error.getMessage()} (and {@link ConnectError#data()}); for an {@link EventMiddleware}
     * the event is dropped and the error goes to the socket's {@link Socket#onError} listeners.
     */
    void fail(Exception error);
}
