package io.jsocketio.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A broadcast to a room of {@code sessions} in-memory WebSocket sessions: {@code
 * io.to("room").emit("bcast", "<100 B>")}, timed until every session's frame was sent to its peer.
 * The real engine and Socket.IO layer run on their own threads; only the network and the container
 * are left out. Divide the time per operation by {@code sessions} for the cost of one delivery (and
 * the allocation {@code gc.alloc.rate.norm} likewise).
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BroadcastBenchmark extends BenchmarkDefaults {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    /** Sessions in the room. */
    @Param("1000")
    public int sessions;

    private final FrameCounter counter = new FrameCounter();
    private InMemoryServer server;
    private long expected;

    /** Connects the sessions; each joins the room, then says so. */
    @Setup
    public void setUp() throws TimeoutException {
        server =
                new InMemoryServer(
                        io ->
                                io.onConnection(
                                        socket -> {
                                            socket.join("room");
                                            socket.emit("joined");
                                        }));
        server.connect(sessions, 2, counter);
        expected = counter.count();
    }

    /** One broadcast, delivered to every session. */
    @Benchmark
    public void broadcast() throws TimeoutException {
        server.server().to("room").emit("bcast", Payloads.TEXT_100);
        expected += sessions;
        counter.awaitAtLeast(expected, DELIVERY_TIMEOUT);
    }

    /** Stops the server. */
    @TearDown
    public void tearDown() {
        server.close();
    }
}
