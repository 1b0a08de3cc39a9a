package io.jsocketio.jetty;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real engine, with a record of every HTTP request of an open session (one carrying a {@code
 * sid}) it has finished taking in: once {@code handleRequest} returned for a GET, the poll is
 * parked (or answered), so a test can order requests without sleeping. Handshakes are not recorded:
 * one is recorded after its answer went out, so the test may already be waiting for its next
 * request.
 */
final class ObservedEngine implements EngineServer {
    private final EngineServer engine;
    private final BlockingQueue<EngineRequest> handled = new LinkedBlockingQueue<>();

    ObservedEngine(EngineServer engine) {
        this.engine = engine;
    }

    /** Waits until the engine has taken in the next request; returns it. */
    EngineRequest awaitHandled(Duration timeout) throws InterruptedException {
        EngineRequest r = handled.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the engine within " + timeout);
        }
        return r;
    }

    void forgetHandled() {
        handled.clear();
    }

    @Override
    public EngineOptions options() {
        return engine.options();
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        engine.handleRequest(exchange);
        if (exchange.request().query("sid").isPresent()) {
            handled.add(exchange.request());
        }
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        return engine.handleWebSocket(peer);
    }

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {
        engine.onConnection(listener);
    }

    @Override
    public void onConnectionError(Consumer<ConnectionError> listener) {
        engine.onConnectionError(listener);
    }

    @Override
    public void generateId(IdGenerator generator) {
        engine.generateId(generator);
    }

    @Override
    public Collection<EngineSocket> clients() {
        return engine.clients();
    }

    @Override
    public Optional<EngineSocket> client(String sid) {
        return engine.client(sid);
    }

    @Override
    public int clientsCount() {
        return engine.clientsCount();
    }

    @Override
    public void close() {
        engine.close();
    }
}
