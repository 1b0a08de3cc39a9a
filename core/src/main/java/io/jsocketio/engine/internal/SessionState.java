package io.jsocketio.engine.internal;

/**
 * The lifecycle of one engine session. The only legal moves are:
 *
 * <pre>
 * OPENING -> OPEN | CLOSED
 * OPEN -> UPGRADING | CLOSING | CLOSED
 * UPGRADING -> OPEN (upgrade done or abandoned) | CLOSING | CLOSED
 * CLOSING -> CLOSED
 * </pre>
 *
 * <p>Thread-safety: immutable.
 */
enum SessionState {
    /** Created, open packet not yet queued. */
    OPENING,
    /** Exchanging packets over its current transport. */
    OPEN,
    /** Open, and a WebSocket is trying to take over from polling. */
    UPGRADING,
    /** Closed by the server: flushing what is queued, then the close packet. */
    CLOSING,
    /** Gone; nothing is sent or received any more. */
    CLOSED;

    /** Whether {@code next} may follow this state. */
    boolean canTransitionTo(SessionState next) {
        return switch (this) {
            case OPENING -> next == OPEN || next == CLOSED;
            case OPEN -> next == UPGRADING || next == CLOSING || next == CLOSED;
            case UPGRADING -> next == OPEN || next == CLOSING || next == CLOSED;
            case CLOSING -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    /** Whether packets flow in both directions (OPEN or UPGRADING). */
    boolean isOpen() {
        return this == OPEN || this == UPGRADING;
    }
}
