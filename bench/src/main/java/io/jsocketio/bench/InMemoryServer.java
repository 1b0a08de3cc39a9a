package io.jsocketio.bench;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.EngineServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A {@link Server} with its real engine and Socket.IO layer on their real threads, reached only
 * through in-memory WebSocket peers (no network, no container). Heartbeats are an hour apart, so
 * peers that never answer a ping stay connected for any benchmark run.
 *
 * <p>Thread-safety: set up and closed by one thread; the server itself is thread-safe.
 */
final class InMemoryServer implements AutoCloseable {
    /** How long setup waits for the engine's answers before giving up. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration HEARTBEAT = Duration.ofHours(1);

    private final Server io;

    /** A server on which {@code app} installs its namespaces and listeners. */
    InMemoryServer(Consumer<Server> app) {
        io =
                new Server(
                        ServerOptions.builder()
                                .pingInterval(HEARTBEAT)
                                .pingTimeout(HEARTBEAT)
                                .build());
        io.bind(EngineServer.create(io.options().engineOptions()));
        app.accept(io);
    }

    /** The server. */
    Server server() {
        return io;
    }

    /**
     * Opens {@code count} WebSocket sessions counting into {@code counter} and connects each to the
     * main namespace; returns once each peer got its open packet and {@code framesOnConnect} frames
     * after its CONNECT (the CONNECT answer, plus what the connection listener emits: a listener
     * that emits after its setup lets this wait for that setup).
     */
    List<CountingPeer> connect(int count, int framesOnConnect, FrameCounter counter)
            throws TimeoutException {
        long before = counter.count();
        List<CountingPeer> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            peers.add(CountingPeer.open(io.engine(), counter));
        }
        counter.awaitAtLeast(before + count, SETUP_TIMEOUT);
        for (CountingPeer peer : peers) {
            peer.receive("40");
        }
        counter.awaitAtLeast(before + (1L + framesOnConnect) * count, SETUP_TIMEOUT);
        return peers;
    }

    @Override
    public void close() {
        io.close();
    }
}
