package io.jsocketio.jetty.internal;

/**
 * A peer broke RFC 6455 (or the message size limit): the connection fails with {@link #code()} in
 * its close frame.
 *
 * <p>Thread-safety: immutable.
 */
final class ProtocolViolation extends Exception {
    private static final long serialVersionUID = 1L;

    /** 1002: a framing error. */
    static final int PROTOCOL_ERROR = 1002;

    /** 1007: a text message (or close reason) that is not UTF-8. */
    static final int BAD_DATA = 1007;

    /** 1009: a message over the engine's {@code maxHttpBufferSize}. */
    static final int TOO_BIG = 1009;

    private final int code;

    ProtocolViolation(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The close code to fail the connection with. */
    int code() {
        return code;
    }
}
