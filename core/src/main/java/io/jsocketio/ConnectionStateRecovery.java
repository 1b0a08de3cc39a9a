package io.jsocketio;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection state recovery (Node's {@code connectionStateRecovery} option, Socket.IO 4.6+): a
 * client whose connection dropped for a moment (transport close or error, ping timeout, forced
 * close, server shutting down) and that reconnects within {@code maxDisconnectionDuration} gets its
 * socket back: the same id, its rooms, its data, and every replayable packet it missed, in order,
 * before anything newer. {@link Socket#recovered()} tells the connection listener.
 *
 * <p>With it on, the CONNECT reply carries a private session id ({@code {"sid","pid"}}) and every
 * event that can be replayed (not volatile, without ack) carries its offset as its last argument,
 * as the Node server appends it; clients 4.6+ send both back when they reconnect. A namespace-level
 * disconnect ({@code socket.disconnect()}, the client's {@code disconnect()}) ends the session.
 *
 * <p>Thread-safety: immutable.
 *
 * @param maxDisconnectionDuration how long a session is kept after its connection dropped; positive
 *     (Node's default: 2 minutes)
 * @param skipMiddlewares whether a recovered socket connects without running the namespace's
 *     middlewares (Node's default: true)
 */
public record ConnectionStateRecovery(Duration maxDisconnectionDuration, boolean skipMiddlewares) {

    /** Node's defaults: 2 minutes, middlewares skipped. */
    public static final ConnectionStateRecovery DEFAULTS =
            new ConnectionStateRecovery(Duration.ofMinutes(2), true);

    /**
     * As the canonical constructor, {@code maxDisconnectionDuration} in milliseconds (the unit of
     * Node's option).
     */
    public ConnectionStateRecovery(long maxDisconnectionMillis, boolean skipMiddlewares) {
        this(Duration.ofMillis(maxDisconnectionMillis), skipMiddlewares);
    }

    public ConnectionStateRecovery {
        Objects.requireNonNull(maxDisconnectionDuration, "maxDisconnectionDuration");
        if (maxDisconnectionDuration.isNegative() || maxDisconnectionDuration.isZero()) {
            throw new IllegalArgumentException(
                    "maxDisconnectionDuration must be positive, was " + maxDisconnectionDuration);
        }
    }
}
