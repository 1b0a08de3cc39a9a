package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Abandoned sessions leave nothing behind: no session, no timer, no parked exchange. Also prints
 * the measured heap cost of an idle session (a measurement, not an assertion).
 */
class SessionLeakTest {

    @Test
    void thousandAbandonedSessionsLeaveNoSessionOrTimerAfterPingIntervalPlusTimeout() {
        try (EngineHarness h =
                EngineHarness.echo(
                        b ->
                                b.pingInterval(Duration.ofMillis(300))
                                        .pingTimeout(Duration.ofMillis(200)))) {
            List<FakePollingExchange> parked = new ArrayList<>();
            List<FakeWebSocketPeer> sockets = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                switch (i % 5) {
                    case 0, 1 -> h.handshake(); // never polled again
                    case 2 -> parked.add(h.poll(h.handshake())); // a poll left parked
                    case 3 -> sockets.add(h.webSocket("EIO=4&transport=websocket")); // never pongs
                    default -> { // an upgrade started, never completed
                        String sid = h.handshake();
                        h.post(sid, "4queued");
                        FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket&sid=" + sid);
                        ws.receive("2probe");
                        sockets.add(ws);
                    }
                }
            }
            assertThat(h.engine.clientsCount()).isEqualTo(1000);
            assertThat(h.scheduler.pendingCount()).isGreaterThanOrEqualTo(1000);

            h.advanceMillis(300 + 200);

            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.engine.clients()).isEmpty();
            assertThat(h.scheduler.pendingCount()).isZero();
            assertThat(parked).allSatisfy(p -> assertThat(p.respondCalls()).isEqualTo(1));
            assertThat(sockets).allSatisfy(ws -> assertThat(ws.isClosed()).isTrue());
            assertThat(h.connections).allSatisfy(s -> assertThat(s.isOpen()).isFalse());
        }
    }

    @Test
    void measuresTheRetainedHeapOfAnIdleSession() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            report("manual scheduler", h.engine);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
        try (EngineServer engine =
                EngineServer.create(EngineOptions.builder().executor(Runnable::run).build())) {
            engine.onConnection(s -> s.onMessage(s::send));
            report("default scheduler", engine);
        }
    }

    private static void report(String label, EngineServer engine) {
        int count = 10_000;
        Runtime memory = Runtime.getRuntime();
        FakeEngineRequest request = FakeEngineRequest.get("/engine.io/?EIO=4&transport=polling");
        for (int i = 0; i < 100; i++) { // warm up code paths and lazily created classes
            engine.handleRequest(FakePollingExchange.of(request));
        }
        long before = usedAfterGc(memory);
        for (int i = 0; i < count; i++) {
            engine.handleRequest(FakePollingExchange.of(request));
        }
        long after = usedAfterGc(memory);
        assertThat(engine.clientsCount()).isEqualTo(count + 100);
        System.out.println(
                "idle polling session retained heap ("
                        + label
                        + "): ~"
                        + (after - before) / count
                        + " bytes per session ("
                        + count
                        + " sessions, handshake request shared, Java "
                        + Runtime.version()
                        + ")");
        engine.close();
        assertThat(engine.clientsCount()).isZero();
    }

    private static long usedAfterGc(Runtime memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.totalMemory() - memory.freeMemory());
        }
        return used;
    }
}
