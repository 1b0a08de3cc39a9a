package io.jsocketio.servlet.testing;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An engine that records what the transports hand it and lets the test choose the behaviour: every
 * polling exchange is recorded in {@link #exchanges} and then given to the {@link #answering}
 * handler; every WebSocket peer is recorded in {@link #peers}, and every event its handler receives
 * in {@link #events} ({@code text:..}, {@code binary:n}, {@code close:code}, {@code error:..}).
 * Thread-safe: the queues are concurrent and the handlers volatile.
 */
public final class StubEngine implements EngineServer {
    public final BlockingQueue<WebSocketPeer> peers = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public final BlockingQueue<PollingExchange> exchanges = new LinkedBlockingQueue<>();

    /** The reserved id each WebSocket was opened with ({@code "null"} for none), in order. */
    public final BlockingQueue<String> reservedIds = new LinkedBlockingQueue<>();

    private final EngineOptions options;
    private volatile Consumer<PollingExchange> handler = exchange -> {};
    private volatile Function<WebSocketPeer, Consumer<String>> onOpen = peer -> text -> {};

    public StubEngine(EngineOptions options) {
        this.options = options;
    }

    public StubEngine(String path) {
        this(EngineOptions.builder().path(path).build());
    }

    /** What to do with each exchange, on the container thread, after it was recorded. */
    public StubEngine answering(Consumer<PollingExchange> handler) {
        this.handler = handler;
        return this;
    }

    /**
     * What to do when a WebSocket opens: the function runs inside {@code handleWebSocket} and
     * returns what to do with each text message.
     */
    public StubEngine onOpen(Function<WebSocketPeer, Consumer<String>> onOpen) {
        this.onOpen = onOpen;
        return this;
    }

    /** The next exchange the engine received. */
    public PollingExchange next(Duration timeout) throws InterruptedException {
        PollingExchange exchange = exchanges.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exchange == null) {
            throw new AssertionError("no request reached the engine within " + timeout);
        }
        return exchange;
    }

    /** Whether an exchange was recorded and not taken yet. */
    public boolean received() {
        return !exchanges.isEmpty();
    }

    /** The next element of one of the queues, failing after the timeout. */
    public static <T> T next(BlockingQueue<T> queue, Duration timeout) throws InterruptedException {
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
        handler.accept(exchange);
    }

    /**
     * Prepares an upgrade response: adds {@code X-Prepared: <query>} and reserves the id {@code
     * reserved-<query's t>} for a request without {@code sid}.
     */
    @Override
    public String prepareWebSocket(EngineRequest request, Map<String, String> responseHeaders) {
        responseHeaders.put("X-Prepared", request.queryString());
        return request.query("sid").isPresent()
                ? null
                : "reserved-" + request.query("t").orElse("");
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer, String reservedId) {
        reservedIds.add(String.valueOf(reservedId));
        return handleWebSocket(peer);
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
