package io.jsocketio.servlet;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An engine that hands every exchange to the test's handler and records it. */
final class StubEngine implements EngineServer {
    private final EngineOptions options;
    private final BlockingQueue<PollingExchange> exchanges = new LinkedBlockingQueue<>();
    private volatile Consumer<PollingExchange> handler = exchange -> {};

    StubEngine(String path) {
        this.options = EngineOptions.builder().path(path).build();
    }

    /** What to do with each exchange, on the container thread, after it was recorded. */
    StubEngine answering(Consumer<PollingExchange> handler) {
        this.handler = handler;
        return this;
    }

    /** The next exchange the engine received. */
    PollingExchange next(Duration timeout) throws InterruptedException {
        PollingExchange exchange = exchanges.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exchange == null) {
            throw new AssertionError("no request reached the engine within " + timeout);
        }
        return exchange;
    }

    boolean received() {
        return !exchanges.isEmpty();
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        exchanges.add(exchange);
        handler.accept(exchange);
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {}

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
