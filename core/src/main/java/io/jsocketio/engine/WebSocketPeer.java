package io.jsocketio.engine;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The container's side of one open WebSocket, as the WebSocket transport hands it to {@link
 * EngineServer#handleWebSocket(WebSocketPeer)}.
 *
 * <p>Thread-safety: the engine calls {@link #sendText}/{@link #sendBinary} with at most one send in
 * flight per peer (it waits for the completion callback before the next), so implementations need
 * not queue; {@link #close} may be called from any thread at any time.
 */
public interface WebSocketPeer {

    /** The upgrade request. */
    EngineRequest request();

    /**
     * Sends one text frame asynchronously; {@code done} runs once with {@code null} on success or
     * the failure.
     */
    void sendText(String text, Consumer<Throwable> done);

    /** Sends one binary frame asynchronously; {@code done} as for {@link #sendText}. */
    void sendBinary(ByteBuffer data, Consumer<Throwable> done);

    /** Closes the WebSocket with the given close code and reason; idempotent. */
    void close(int code, String reason);
}
