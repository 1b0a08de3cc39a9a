package io.jsocketio.cdi.internal;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.HeadersListener;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine handed to the WebSocket transport while the context initializes, before the server can
 * be resolved (CDI may not have booted yet): until then {@link #options()} answers the {@code
 * web.xml} settings, and every other call resolves the real engine and delegates to it.
 *
 * <p>Thread-safety: safe for concurrent use; resolution is the holder's.
 */
final class DeferredEngine implements EngineServer {
    private final ServerHolder holder;
    private final EngineOptions preliminary;

    DeferredEngine(ServerHolder holder, Settings settings) {
        this.holder = holder;
        this.preliminary =
                settings.apply(io.jsocketio.ServerOptions.builder()).build().engineOptions();
    }

    private EngineServer target() {
        return holder.mount().engine();
    }

    @Override
    public EngineOptions options() {
        EngineMount resolved = holder.resolvedMount();
        return resolved == null ? preliminary : resolved.engine().options();
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        target().handleRequest(exchange);
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        return target().handleWebSocket(peer);
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer, @Nullable String reservedId) {
        return target().handleWebSocket(peer, reservedId);
    }

    @Override
    public @Nullable String prepareWebSocket(
            EngineRequest request, Map<String, String> responseHeaders) {
        return target().prepareWebSocket(request, responseHeaders);
    }

    @Override
    public void onInitialHeaders(HeadersListener listener) {
        target().onInitialHeaders(listener);
    }

    @Override
    public void onHeaders(HeadersListener listener) {
        target().onHeaders(listener);
    }

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {
        target().onConnection(listener);
    }

    @Override
    public void onConnectionError(Consumer<ConnectionError> listener) {
        target().onConnectionError(listener);
    }

    @Override
    public void generateId(IdGenerator generator) {
        target().generateId(generator);
    }

    @Override
    public Collection<EngineSocket> clients() {
        return target().clients();
    }

    @Override
    public Optional<EngineSocket> client(String sid) {
        return target().client(sid);
    }

    @Override
    public int clientsCount() {
        return target().clientsCount();
    }

    @Override
    public void close() {
        // the resolved server owns and closes its engine
    }
}
