package io.jsocketio.testing;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An engine without transport that a {@code Server} binds to: {@link #connect} hands it a session
 * as a real engine hands over each new session. Requests and WebSockets are not supported.
 */
public final class FakeEngineServer implements EngineServer {
    private final EngineOptions options = EngineOptions.builder().build();
    private final List<Consumer<EngineSocket>> listeners = new CopyOnWriteArrayList<>();

    /** Hands {@code conn} to the bound server; call it on the session's lane. */
    public void connect(EngineSocket conn) {
        listeners.forEach(l -> l.accept(conn));
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        throw new UnsupportedOperationException("no transport");
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        throw new UnsupportedOperationException("no transport");
    }

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {
        listeners.add(listener);
    }

    @Override
    public void onConnectionError(Consumer<ConnectionError> listener) {}

    @Override
    public void generateId(IdGenerator generator) {}

    @Override
    public Collection<EngineSocket> clients() {
        return List.of();
    }

    @Override
    public Optional<EngineSocket> client(String sid) {
        return Optional.empty();
    }

    @Override
    public int clientsCount() {
        return 0;
    }

    @Override
    public void close() {}
}
