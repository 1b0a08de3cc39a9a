package io.jsocketio;

import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A first measurement of broadcast fan-out, inside one JVM: the real engine and Socket.IO layer on
 * real threads, {@code clients} WebSocket sessions (in-memory peers, no network) in one room, and
 * {@code rounds} broadcasts to that room. Prints deliveries per second. Not a test: run it by hand
 * (see the report); the numbers exclude network I/O and the container's WebSocket stack.
 */
public final class FanOutMeasurement {
    private FanOutMeasurement() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (Server io = new Server()) {
            io.bind(EngineServer.create(io.options().engineOptions()));
            io.on("connection", s -> s.join("room"));
            List<FakeWebSocketPeer> peers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                FakeWebSocketPeer p =
                        FakeWebSocketPeer.to("/socket.io/?EIO=4&transport=websocket")
                                .open(io.engine());
                p.awaitFrames(1, Duration.ofSeconds(10));
                p.receive("40");
                peers.add(p);
            }
            for (FakeWebSocketPeer p : peers) {
                p.awaitFrames(2, Duration.ofSeconds(10));
            }
            for (int warm = 0; warm < 2; warm++) {
                run(io, peers, rounds, 2 + warm * rounds);
            }
            long deliveries = (long) clients * rounds;
            long nanos = run(io, peers, rounds, 2 + 2 * rounds);
            System.out.printf(
                    "%d clients x %d broadcasts = %d deliveries in %.1f ms: %.0f deliveries/s%n",
                    clients, rounds, deliveries, nanos / 1e6, deliveries / (nanos / 1e9));
        }
    }

    private static long run(Server io, List<FakeWebSocketPeer> peers, int rounds, int before)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            io.to("room").emit("bcast", "payload-" + i, i);
        }
        for (FakeWebSocketPeer p : peers) {
            p.awaitFrames(before + rounds, Duration.ofSeconds(60));
        }
        return System.nanoTime() - start;
    }
}
