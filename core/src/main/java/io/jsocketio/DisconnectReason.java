package io.jsocketio;

/**
 * Why a {@link Socket} left its namespace, with the reason string of the Node server ({@code
 * socket.on("disconnect", reason => ...)}).
 *
 * <p>Thread-safety: immutable.
 */
public enum DisconnectReason {
    /**
     * Client-side name of a disconnection by {@link Socket#disconnect()}; listed for completeness
     * with the JS docs. The server itself reports {@link #SERVER_NAMESPACE_DISCONNECT}.
     */
    IO_SERVER_DISCONNECT("io server disconnect"),
    /**
     * Client-side name of a disconnection the client asked for; the server itself reports {@link
     * #CLIENT_NAMESPACE_DISCONNECT}.
     */
    IO_CLIENT_DISCONNECT("io client disconnect"),
    /** The server disconnected the socket with {@link Socket#disconnect(boolean)}. */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    /** The client left the namespace (a DISCONNECT packet). */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    /** The connection was closed by the client or lost. */
    TRANSPORT_CLOSE("transport close"),
    /** The client did not answer a ping in time. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent a malformed packet; the connection was closed. */
    PARSE_ERROR("parse error"),
    /** The transport failed. */
    TRANSPORT_ERROR("transport error"),
    /** The engine session was closed by the server ({@code EngineSocket.close()}). */
    FORCED_CLOSE("forced close"),
    /**
     * The server closed the connection itself: {@code disconnect(true)}, a connection that joined
     * no namespace in time, or a packet for a namespace the client has not joined.
     */
    FORCED_SERVER_CLOSE("forced server close"),
    /** The server is closing ({@link Server#close()}). */
    SERVER_SHUTTING_DOWN("server shutting down");

    private final String wire;

    DisconnectReason(String wire) {
        this.wire = wire;
    }

    /** The reason string as the Node server reports it, e.g. {@code "transport close"}. */
    public String wire() {
        return wire;
    }

    /**
     * Whether, with connection state recovery on, the socket's session is kept after a disconnect
     * for this reason (the connection dropped: transport close or error, ping timeout, forced
     * close, server shutting down), as in Node. Namespace-level disconnects and parse errors are
     * final.
     */
    public boolean isRecoverable() {
        return switch (this) {
            case TRANSPORT_ERROR,
                            TRANSPORT_CLOSE,
                            FORCED_CLOSE,
                            PING_TIMEOUT,
                            SERVER_SHUTTING_DOWN,
                            FORCED_SERVER_CLOSE ->
                    true;
            default -> false;
        };
    }

    /** The reason with this wire string. */
    public static DisconnectReason fromWire(String wire) {
        for (DisconnectReason r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown disconnect reason: " + wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
