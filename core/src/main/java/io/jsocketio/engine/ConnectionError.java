package io.jsocketio.engine;

/**
 * A request the engine refused, as reported to {@link EngineServer#onConnectionError} ({@code
 * connection_error} in Node).
 *
 * @param request the refused request
 * @param error the refusal
 * @param message the message sent to the client (the error's default, or one given by {@code
 *     allowRequest})
 */
public record ConnectionError(EngineRequest request, EngineError error, String message) {

    /** The numeric code. */
    public int code() {
        return error.code();
    }
}
