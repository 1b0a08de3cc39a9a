package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * A refusal from a namespace {@link Middleware}: the client receives a CONNECT_ERROR packet with
 * {@code {"message": getMessage(), "data": data()}} ({@code data} omitted when null), which the JS
 * client reports as {@code connect_error} with {@code err.message} and {@code err.data}.
 *
 * <pre>{@code
 * io.of("/secure").use((socket, next) -> {
 *     if (!"let-me-in".equals(socket.handshake().auth().getString("token", null))) {
 *         next.fail(new ConnectError("unauthorized", Map.of("code", 401)));
 *     } else {
 *         next.proceed();
 *     }
 * });
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class ConnectError extends SocketIoException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Object data;

    /** A refusal with a message and no data. */
    public ConnectError(String message) {
        this(message, null);
    }

    /**
     * A refusal with a message and data.
     *
     * @param message the {@code message} field
     * @param data the {@code data} field: any value {@code emit} accepts except binary, or null
     */
    public ConnectError(String message, @Nullable Object data) {
        super(message);
        this.data = data;
    }

    /** The {@code data} field, or null. */
    public @Nullable Object data() {
        return data;
    }
}
