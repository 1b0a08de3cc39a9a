package io.jsocketio.engine;

import io.jsocketio.engine.internal.DefaultEngineServer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Engine.IO server: one registry of sessions fed by any number of transports. Transports call
 * {@link #handleRequest} for every HTTP request on the engine's path and {@link #handleWebSocket}
 * for every WebSocket opened on it; every protocol decision is taken here.
 *
 * <p>Thread-safety: safe for concurrent use from any thread. {@code handle*} methods never block
 * and never run application listeners on the calling (container) thread.
 */
public interface EngineServer extends AutoCloseable {

    /** Creates an engine with the given options; it owns its scheduler until {@link #close()}. */
    static EngineServer create(EngineOptions options) {
        return new DefaultEngineServer(options);
    }

    /** The options this engine runs with. */
    EngineOptions options();

    /**
     * Handles one HTTP request of the polling transport, a handshake, or a CORS preflight. The
     * exchange is answered exactly once, maybe later (a parked poll).
     */
    void handleRequest(PollingExchange exchange);

    /**
     * Takes over a WebSocket that the container has just opened. A refused request is answered by
     * closing the peer; the returned handler then ignores what arrives.
     */
    WebSocketHandler handleWebSocket(WebSocketPeer peer);

    /**
     * Takes over a WebSocket whose upgrade response was prepared by {@link #prepareWebSocket}: an
     * initial request (no {@code sid}) gets the session id reserved there.
     *
     * @param reservedId the id returned by {@code prepareWebSocket}, or null
     */
    default WebSocketHandler handleWebSocket(WebSocketPeer peer, @Nullable String reservedId) {
        return handleWebSocket(peer);
    }

    /**
     * Prepares the HTTP response that upgrades a request to a WebSocket; transports call it while
     * the container answers the upgrade, before the 101 is written. For an initial request (no
     * {@code sid}) it reserves the session id and adds the {@code cookie} option's {@code
     * Set-Cookie} and the {@link #onInitialHeaders} listeners' headers; then, for every upgrade,
     * the {@link #onHeaders} listeners' headers.
     *
     * @param responseHeaders the headers to add to the upgrade response; filled in here
     * @return the reserved session id to pass to {@link #handleWebSocket(WebSocketPeer, String)},
     *     or null when the request is not an initial one
     */
    default @Nullable String prepareWebSocket(
            EngineRequest request, Map<String, String> responseHeaders) {
        return null;
    }

    /**
     * Registers a listener of the handshake responses ({@code initial_headers} in Node): the
     * polling handshake's response and the upgrade response of a WebSocket opened without {@code
     * sid}, after the {@code cookie} option's {@code Set-Cookie} was added. See {@link
     * HeadersListener} for its thread.
     *
     * @throws UnsupportedOperationException when the engine does not support it
     */
    default void onInitialHeaders(HeadersListener listener) {
        throw new UnsupportedOperationException("initial_headers");
    }

    /**
     * Registers a listener of every response that carries Engine.IO data ({@code headers} in Node):
     * the handshake, each polling GET and POST of an open session, and each WebSocket upgrade
     * response; called after the {@link #onInitialHeaders} listeners. Error answers (HTTP 400/403)
     * are not covered, as in Node.
     *
     * @throws UnsupportedOperationException when the engine does not support it
     */
    default void onHeaders(HeadersListener listener) {
        throw new UnsupportedOperationException("headers");
    }

    /**
     * Registers the listener of new sessions ({@code connection} in Node). It runs on the new
     * session's lane, once per session, after the open packet was queued.
     */
    void onConnection(Consumer<EngineSocket> listener);

    /**
     * Registers the listener of refused requests ({@code connection_error} in Node). It runs on a
     * shared lane, once per refused request, never on a container thread.
     */
    void onConnectionError(Consumer<ConnectionError> listener);

    /** Replaces how session ids are made ({@code engine.generateId} in Node). */
    void generateId(IdGenerator generator);

    /** The open sessions, a snapshot. */
    Collection<EngineSocket> clients();

    /** The session with this id, if open. */
    Optional<EngineSocket> client(String sid);

    /** The number of open sessions. */
    int clientsCount();

    /**
     * Closes every session with reason {@link CloseReason#SERVER_SHUTTING_DOWN}, refuses new ones
     * and stops the scheduler. Idempotent.
     */
    @Override
    void close();
}
