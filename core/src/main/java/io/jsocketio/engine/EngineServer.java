package io.jsocketio.engine;

import io.jsocketio.engine.internal.DefaultEngineServer;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

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
