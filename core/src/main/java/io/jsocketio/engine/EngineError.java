package io.jsocketio.engine;

/**
 * Why the engine refused a request, with the code and message of the Node server's JSON error body
 * ({@code {"code":N,"message":"..."}}) and the HTTP status it answers with.
 *
 * <p>Thread-safety: immutable.
 */
public enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown", 400),
    UNKNOWN_SID(1, "Session ID unknown", 400),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
    BAD_REQUEST(3, "Bad request", 400),
    FORBIDDEN(4, "Forbidden", 403),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400);

    private final int code;
    private final String message;
    private final int status;

    EngineError(int code, String message, int status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    /** The numeric code of the JSON body. */
    public int code() {
        return code;
    }

    /** The default message of the JSON body. */
    public String message() {
        return message;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
