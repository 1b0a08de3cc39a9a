package io.jsocketio.engine;

/**
 * Why an Engine.IO session closed, with the reason string the Node engine uses.
 *
 * <p>Thread-safety: immutable.
 */
public enum CloseReason {
    /** The client closed the transport, or the connection was lost. */
    TRANSPORT_CLOSE("transport close"),
    /** No pong (v4) or ping (v3) arrived in time. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent something that is not a valid packet. */
    PARSE_ERROR("parse error"),
    /** The transport failed (I/O error, aborted poll, oversize payload, overlapping polls). */
    TRANSPORT_ERROR("transport error"),
    /** The server closed the session. */
    FORCED_CLOSE("forced close"),
    /** The server is shutting down. */
    SERVER_SHUTTING_DOWN("server shutting down");

    private final String wire;

    CloseReason(String wire) {
        this.wire = wire;
    }

    /** The reason string as the Node server reports it. */
    public String wire() {
        return wire;
    }
}
