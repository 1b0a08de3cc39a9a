package io.jsocketio.engine;

import java.util.Map;

/**
 * One HTTP request/response pair of the long-polling transport, as the servlet transport hands it
 * to {@link EngineServer#handleRequest(PollingExchange)}. The engine answers it exactly once with
 * {@link #respond}, possibly much later (a parked poll) and from any thread.
 *
 * <p>Thread-safety: implementations must accept {@link #respond} and {@link #readBody} from any
 * thread and must never block the caller; writes complete asynchronously.
 */
public interface PollingExchange {

    /** The request. */
    EngineRequest request();

    /**
     * Reads the request body without blocking. The callback runs once, on a container thread, when
     * the body is complete, or when more than {@code maxBytes} arrived (then the rest is not read),
     * or on an I/O error.
     */
    void readBody(long maxBytes, BodyCallback callback);

    /**
     * Writes the response and completes the exchange. Later calls are ignored. Never blocks.
     *
     * @param status HTTP status
     * @param headers response headers (exact names), e.g. {@code Content-Type}
     * @param body the body bytes
     */
    void respond(int status, Map<String, String> headers, byte[] body);

    /**
     * Registers the action run once when the client goes away, or the container times the request
     * out, before {@link #respond} was called. Runs on a container thread.
     */
    void onAbort(Runnable action);

    /**
     * Gives up reading the body because its session ended: the {@link BodyCallback} is not called
     * any more and the request is answered at once with 400 on a connection that is then closed, so
     * a client sending its body slowly holds nothing after its session. The default does nothing.
     */
    default void abandonBody() {}

    /** Receives the outcome of {@link #readBody}. */
    interface BodyCallback {
        /** The whole body arrived. */
        void onBody(byte[] body);

        /** More than the allowed number of bytes arrived; the exchange is still unanswered. */
        void onTooLarge();

        /** The body could not be read; the exchange is still unanswered. */
        void onError(Throwable error);
    }
}
