package io.jsocketio.websocket;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An engine whose WebSocket behaviour the test chooses; it records every peer and every event its
 * handlers receive ({@code text:..}, {@code binary:n}, {@code close:code}, {@code error:..}) and
 * answers polling requests {@code 200 polling}.
 */
final class StubEngine implements EngineServer {
    final BlockingQueue<WebSocketPeer> peers = new LinkedBlockingQueue<>();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<PollingExchange> exchanges = new LinkedBlockingQueue<>();
    private final EngineOptions options;
    private volatile Function<WebSocketPeer, Consumer<String>> onOpen = peer -> text -> {};

    StubEngine(EngineOptions options) {
        this.options = options;
    }

    /**
     * What to do when a WebSocket opens: the function runs inside {@code handleWebSocket} and
     * returns what to do with each text message.
     */
    StubEngine onOpen(Function<WebSocketPeer, Consumer<String>> onOpen) {
        this.onOpen = onOpen;
        return this;
    }

    static <T> T next(BlockingQueue<T> queue, Duration timeout) throws InterruptedException {
        T value = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (value == null) {
            throw new AssertionError("nothing arrived within " + timeout);
        }
        return value;
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public void handleRequest(PollingExchange exchange) {
        exchanges.add(exchange);
        exchange.respond(200, Map.of("Content-Type", "text/plain"), "polling".getBytes(UTF_8));
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        peers.add(peer);
        Consumer<String> onText = onOpen.apply(peer);
        return new WebSocketHandler() {
            @Override
            public void onText(String text) {
                events.add("text:" + text);
                onText.accept(text);
            }

            @Override
            public void onBinary(byte[] data) {
                events.add("binary:" + data.length);
            }

            @Override
            public void onClose(int code, String reason) {
                events.add("close:" + code);
            }

            @Override
            public void onError(Throwable error) {
                events.add("error:" + error.getClass().getSimpleName());
            }
        };
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
