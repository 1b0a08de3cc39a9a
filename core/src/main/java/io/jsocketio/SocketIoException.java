package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * The base of jsocketio's exceptions.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class SocketIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public SocketIoException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public SocketIoException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
