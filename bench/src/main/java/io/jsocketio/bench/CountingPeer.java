package io.jsocketio.bench;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import io.jsocketio.engine.testing.FakeEngineRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An in-memory WebSocket peer for benchmarks: it counts the frames the engine sends (into a {@link
 * FrameCounter}, possibly shared with other peers) instead of recording them, so it runs for
 * millions of frames in constant memory, and completes every send at once. Unlike core's {@code
 * FakeWebSocketPeer}, which tests use to assert exact frames, it keeps nothing but the last text.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class CountingPeer implements WebSocketPeer {
    private static final EngineRequest UPGRADE =
            FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket");

    private final FrameCounter counter;
    private volatile WebSocketHandler handler;
    private volatile String lastText;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CountingPeer(FrameCounter counter) {
        this.counter = counter;
    }

    /** A peer counting into {@code counter}, handed to {@code engine} as an open WebSocket. */
    static CountingPeer open(EngineServer engine, FrameCounter counter) {
        CountingPeer peer = new CountingPeer(counter);
        peer.handler = engine.handleWebSocket(peer);
        return peer;
    }

    /** The client sends a text frame. */
    void receive(String text) {
        handler.onText(text);
    }

    /** The client sends a binary frame. */
    void receive(byte[] data) {
        handler.onBinary(data);
    }

    /** The last text frame sent, or null. */
    String lastText() {
        return lastText;
    }

    /** Whether the engine closed the WebSocket. */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public EngineRequest request() {
        return UPGRADE;
    }

    @Override
    public void send(List<WebSocketFrame> frames, Consumer<Throwable> done) {
        for (WebSocketFrame f : frames) {
            if (f.isText()) {
                lastText = f.text();
            }
            counter.add();
        }
        done.accept(null);
    }

    @Override
    public void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            handler.onClose(code, reason);
        }
    }
}
