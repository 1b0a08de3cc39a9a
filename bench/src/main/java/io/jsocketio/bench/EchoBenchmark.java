package io.jsocketio.bench;

import io.jsocketio.examples.conformance.ConformanceApp;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An echo round trip through one in-memory WebSocket session: the peer's frame is decoded,
 * dispatched to the {@code echo} listener of the conformance server ({@link ConformanceApp}, the
 * BENCH contract the load driver uses: emit the data back, or ack it), encoded and sent back to the
 * peer. Timed from the inbound frame to the last outbound frame; the engine's and Socket.IO layer's
 * own threads do the work, as on a server.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
public class EchoBenchmark extends BenchmarkDefaults {
    private static final Duration ECHO_TIMEOUT = Duration.ofSeconds(10);
    private static final String EVENT = "42[\"echo\"," + Payloads.JSON_100 + "]";
    private static final String EVENT_WITH_ACK = "421[\"echo\"," + Payloads.JSON_100 + "]";
    private static final String BINARY_EVENT = "451-[\"echo\",{\"_placeholder\":true,\"num\":0}]";

    private final FrameCounter counter = new FrameCounter();
    private InMemoryServer server;
    private CountingPeer peer;
    private byte[] attachment;
    private long expected;

    /**
     * Connects one session to a server running the conformance server's handlers (its {@code echo}
     * is the BENCH contract's); after CONNECT that server emits {@code auth}.
     */
    @Setup
    public void setUp() throws TimeoutException {
        attachment = Payloads.bytes(1024);
        server = new InMemoryServer(ConformanceApp::install);
        peer = server.connect(1, 2, counter).get(0);
        expected = counter.count();
    }

    /** {@code 42["echo","<100 B>"]} in, the same event out. */
    @Benchmark
    public void echoEvent() throws TimeoutException {
        peer.receive(EVENT);
        expected += 1;
        counter.awaitAtLeast(expected, ECHO_TIMEOUT);
    }

    /** {@code 421["echo","<100 B>"]} in, its ack {@code 431["<100 B>"]} out. */
    @Benchmark
    public void echoWithAck() throws TimeoutException {
        peer.receive(EVENT_WITH_ACK);
        expected += 1;
        counter.awaitAtLeast(expected, ECHO_TIMEOUT);
    }

    /** A BINARY_EVENT with one 1 KiB attachment in (two frames), the same out (two frames). */
    @Benchmark
    public void echoBinary() throws TimeoutException {
        peer.receive(BINARY_EVENT);
        peer.receive(attachment);
        expected += 2;
        counter.awaitAtLeast(expected, ECHO_TIMEOUT);
    }

    /** Stops the server. */
    @TearDown
    public void tearDown() {
        server.close();
    }
}
