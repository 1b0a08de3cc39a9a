package io.jsocketio;

/**
 * Receives errors of a socket ({@code socket.on("error", err => ...)}): an {@link EventMiddleware}
 * failure, or the malformed packet that is closing the connection.
 *
 * <p>Runs on the connection's lane, once per error. An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ErrorListener {

    /** An error occurred. */
    void onError(Exception error);
}
