package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * Receives the end of a socket ({@code socket.on("disconnecting" | "disconnect", reason => ...)}).
 *
 * <p>Runs on the connection's lane, once. {@code disconnecting} listeners run while the socket is
 * still in its rooms; {@code disconnect} listeners run after it has left them. An exception it
 * throws is logged and ignored.
 */
@FunctionalInterface
public interface DisconnectListener {

    /**
     * The socket is leaving (or has left) its namespace.
     *
     * @param reason why
     * @param description a detail (e.g. the transport's error message), or null
     */
    void onDisconnect(DisconnectReason reason, @Nullable String description);
}
