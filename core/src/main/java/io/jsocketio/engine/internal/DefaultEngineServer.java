package io.jsocketio.engine.internal;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/** Placeholder: being written (engine implementation). */
public final class DefaultEngineServer implements EngineServer {
    private final EngineOptions options;

    public DefaultEngineServer(EngineOptions options) {
        this.options = options;
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {}

    @Override
    public void onConnectionError(Consumer<ConnectionError> listener) {}

    @Override
    public void generateId(IdGenerator generator) {}

    @Override
    public Collection<EngineSocket> clients() {
        return java.util.List.of();
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
