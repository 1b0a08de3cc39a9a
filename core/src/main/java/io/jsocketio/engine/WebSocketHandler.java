package io.jsocketio.engine;

/**
 * What the engine returns for an opened WebSocket: the transport feeds it every frame and the end
 * of the connection.
 *
 * <p>Thread-safety: the transport calls these methods from container threads, one at a time per
 * WebSocket (as JSR-356 delivers messages); implementations never block or run user code on them.
 */
public interface WebSocketHandler {

    /** A complete text frame arrived. */
    void onText(String text);

    /** A complete binary frame arrived. */
    void onBinary(byte[] data);

    /** The WebSocket closed, by either side. Called at most once. */
    void onClose(int code, String reason);

    /** The container reported an error on the WebSocket. */
    void onError(Throwable error);
}
