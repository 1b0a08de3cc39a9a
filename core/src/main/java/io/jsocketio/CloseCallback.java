package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * Learns that {@link Server#close(CloseCallback)} finished: sockets disconnected, engine and
 * embedded HTTP server stopped.
 *
 * <p>Runs once, on a thread of the server's executor or on the calling thread when there was
 * nothing to wait for.
 */
@FunctionalInterface
public interface CloseCallback {

    /**
     * The server is closed.
     *
     * @param error null, or what went wrong while stopping (the server is closed anyway)
     */
    void onClosed(@Nullable Exception error);
}
