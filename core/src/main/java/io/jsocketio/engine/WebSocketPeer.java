package io.jsocketio.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * The container's side of one open WebSocket, as the WebSocket transport hands it to {@link
 * EngineServer#handleWebSocket(WebSocketPeer)}.
 *
 * <p>Thread-safety: the engine is the one owner of the send order: it calls {@link #send} with
 * every frame queued at that moment and calls it again only after the previous call's completion
 * ran (at most one batch in flight per peer), so implementations need not queue. {@link #close} may
 * be called from any thread at any time.
 */
public interface WebSocketPeer {

    /** The upgrade request. */
    EngineRequest request();

    /**
     * Writes {@code frames} in order, asynchronously, in as few writes as the container allows (a
     * batch of small frames should become one write). {@code done} runs exactly once, with {@code
     * null} when every frame was written or with the first failure; it may run on the calling
     * thread before this method returns.
     *
     * @param frames at least one frame; the list is not modified and not kept after {@code done}
     */
    void send(List<WebSocketFrame> frames, Consumer<Throwable> done);

    /**
     * Closes the WebSocket with the given close code and reason, after the frames already handed to
     * {@link #send}; idempotent.
     */
    void close(int code, String reason);
}
