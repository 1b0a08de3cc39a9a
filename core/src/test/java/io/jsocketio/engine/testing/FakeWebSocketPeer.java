package io.jsocketio.engine.testing;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link WebSocketPeer} for tests, plus the client's side: {@link #open} hands it to an engine,
 * {@link #receive} plays frames from the client, sent frames are recorded. Sends complete at once
 * unless {@link #holdSends()} was called (then {@link #completeSend()} completes the oldest); a
 * second send while one is in flight fails the test ({@link #overlappingSends()}). A {@link #close}
 * by the engine is recorded and, as JSR-356 containers do, reported back to the handler.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #awaitFrames} waits without sleeping.
 */
public final class FakeWebSocketPeer implements WebSocketPeer {
    private final EngineRequest request;
    private final Object lock = new Object();
    private final List<Frame> frames = new ArrayList<>(); // guarded by lock
    private final ArrayDeque<Consumer<Throwable>> pending = new ArrayDeque<>(); // guarded by lock
    private boolean holdSends; // guarded by lock
    private int inFlight; // guarded by lock
    private int overlapping; // guarded by lock
    private int batches; // guarded by lock
    private Integer closeCode; // guarded by lock
    private String closeReason; // guarded by lock
    private int closeCalls; // guarded by lock
    private volatile WebSocketHandler handler;

    /** A peer whose upgrade request is {@code request}. */
    public FakeWebSocketPeer(EngineRequest request) {
        this.request = request;
    }

    /** A peer for a WebSocket opened at {@code url}. */
    public static FakeWebSocketPeer to(String url) {
        return new FakeWebSocketPeer(FakeEngineRequest.get(url));
    }

    /** Hands this peer to the engine, as the transport does once the WebSocket is open. */
    public FakeWebSocketPeer open(EngineServer engine) {
        handler = engine.handleWebSocket(this);
        return this;
    }

    /** Makes sends wait for {@link #completeSend()}; returns this. */
    public FakeWebSocketPeer holdSends() {
        synchronized (lock) {
            holdSends = true;
        }
        return this;
    }

    /** The handler the engine returned. */
    public WebSocketHandler handler() {
        return handler;
    }

    /** The client sends a text frame. */
    public void receive(String text) {
        handler.onText(text);
    }

    /** The client sends a binary frame. */
    public void receive(byte[] data) {
        handler.onBinary(data.clone());
    }

    /** The client (or the network) closes the WebSocket. */
    public void clientClose(int code) {
        synchronized (lock) {
            if (closeCode != null) {
                return;
            }
            closeCode = code;
            closeReason = "client";
        }
        handler.onClose(code, "");
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public void send(List<WebSocketFrame> batch, Consumer<Throwable> done) {
        List<Frame> recorded = new ArrayList<>(batch.size());
        for (WebSocketFrame f : batch) {
            if (f.isText()) {
                recorded.add(new Frame(f.text(), null));
            } else {
                ByteBuffer data = f.binary();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                recorded.add(new Frame(null, bytes));
            }
        }
        synchronized (lock) {
            batches++;
        }
        record(recorded, done);
    }

    /** How many {@link #send} calls (batches) there were. */
    public int batches() {
        synchronized (lock) {
            return batches;
        }
    }

    private void record(List<Frame> batch, Consumer<Throwable> done) {
        boolean now;
        synchronized (lock) {
            if (inFlight > 0) {
                overlapping++;
            }
            inFlight++;
            frames.addAll(batch);
            now = !holdSends;
            if (!now) {
                pending.add(done);
            }
            lock.notifyAll();
        }
        if (now) {
            synchronized (lock) {
                inFlight--;
            }
            done.accept(null);
        }
    }

    /** Completes the oldest held send successfully. Returns false when none is held. */
    public boolean completeSend() {
        return finishSend(null);
    }

    /** Fails the oldest held send. */
    public boolean failSend(Throwable error) {
        return finishSend(error);
    }

    private boolean finishSend(Throwable error) {
        Consumer<Throwable> done;
        synchronized (lock) {
            done = pending.poll();
            if (done == null) {
                return false;
            }
            inFlight--;
        }
        done.accept(error);
        return true;
    }

    @Override
    public void close(int code, String reason) {
        synchronized (lock) {
            closeCalls++;
            if (closeCode != null) {
                return;
            }
            closeCode = code;
            closeReason = reason;
            lock.notifyAll();
        }
        if (handler != null) {
            handler.onClose(code, reason);
        }
    }

    /** Every frame sent so far. */
    public List<Frame> frames() {
        synchronized (lock) {
            return List.copyOf(frames);
        }
    }

    /** The sent frames as strings: text as is, binary as {@code bin:[1, 2]}. */
    public List<String> texts() {
        return frames().stream().map(Frame::toString).toList();
    }

    /** The number of sends that started while another was in flight (must stay 0). */
    public int overlappingSends() {
        synchronized (lock) {
            return overlapping;
        }
    }

    /** Whether the engine closed the WebSocket (or the client did). */
    public boolean isClosed() {
        synchronized (lock) {
            return closeCode != null;
        }
    }

    /** The close code, or null while open. */
    public Integer closeCode() {
        synchronized (lock) {
            return closeCode;
        }
    }

    /** The close reason, or null while open. */
    public String closeReason() {
        synchronized (lock) {
            return closeReason;
        }
    }

    /** How many times the engine called {@link #close}. */
    public int closeCalls() {
        synchronized (lock) {
            return closeCalls;
        }
    }

    /** Waits until at least {@code count} frames were sent; returns them. */
    public List<Frame> awaitFrames(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (frames.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " frames, got " + frames);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(frames);
        }
    }

    /** Waits until the WebSocket is closed. */
    public void awaitClose(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (closeCode == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("WebSocket not closed");
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /**
     * One sent frame: text, or binary.
     *
     * @param text the text of a text frame, else null
     * @param binary the bytes of a binary frame, else null
     */
    public record Frame(String text, byte[] binary) {
        /** Whether it is a binary frame. */
        public boolean isBinary() {
            return binary != null;
        }

        @Override
        public String toString() {
            return text != null ? text : "bin:" + Arrays.toString(binary);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f
                    && java.util.Objects.equals(text, f.text)
                    && Arrays.equals(binary, f.binary);
        }

        @Override
        public int hashCode() {
            return text != null ? text.hashCode() : Arrays.hashCode(binary);
        }
    }
}
