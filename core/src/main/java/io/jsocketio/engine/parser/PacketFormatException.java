package io.jsocketio.engine.parser;

/**
 * Thrown by the codecs for input that is not a valid packet or payload. The engine answers it by
 * closing the session with {@code parse error}; it never reaches application code.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class PacketFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the reason. */
    public PacketFormatException(String message) {
        super(message, null, false, false);
    }
}
