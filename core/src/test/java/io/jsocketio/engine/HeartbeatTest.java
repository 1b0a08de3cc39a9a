package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 2, "Heartbeat", on a manual clock (interval 300 ms, timeout 200 ms). */
class HeartbeatTest {

    private static EngineHarness harness() {
        return EngineHarness.echo(
                b -> b.pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(200)));
    }

    private static List<CloseReason> closes(EngineSocket socket) {
        List<CloseReason> reasons = new ArrayList<>();
        socket.onClose((reason, description) -> reasons.add(reason));
        return reasons;
    }

    @Test
    void pollingClientGetsAPingEveryIntervalAndStaysOpenWhenItAnswers() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            for (int round = 0; round < 3; round++) {
                FakePollingExchange get = h.poll(sid);
                h.advanceMillis(299);
                assertThat(get.responded()).isFalse();
                h.advanceMillis(1);
                assertThat(get.status()).isEqualTo(200);
                assertThat(get.body()).isEqualTo("2");
                assertThat(h.post(sid, "3").status()).isEqualTo(200);
            }
            assertThat(reasons).isEmpty();
            assertThat(h.engine.clientsCount()).isEqualTo(1);
        }
    }

    @Test
    void aGetArrivingAfterThePingTimeoutFindsTheSessionClosedEvenWhenTheTimerRunsLate() {
        // the official suites' "closes the session upon ping timeout": the GET comes just after
        // pingInterval + pingTimeout; a late timer thread must not let it see a live session
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            h.advanceMillis(300); // the ping is queued
            h.scheduler.advanceClockOnly(Duration.ofMillis(199));
            FakePollingExchange early = h.poll(sid);
            assertThat(early.body()).as("not due yet: the ping").isEqualTo("2");
            h.scheduler.advanceClockOnly(Duration.ofMillis(1));

            FakePollingExchange late = h.poll(sid);

            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            h.advanceMillis(1);
            assertThat(reasons).hasSize(1);
        }
    }

    @Test
    void aPacketBeforeTheDeadlineKeepsTheLateTimersLeniency() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            h.advanceMillis(300);
            assertThat(h.post(sid, "4x").body()).isEqualTo("ok");
            h.scheduler.advanceClockOnly(Duration.ofMillis(250));

            assertThat(h.poll(sid).status()).isEqualTo(200);
            assertThat(reasons).isEmpty();
        }
    }

    @Test
    void pingTimeoutClosesAPollingSessionWithNoPendingGet() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());

            h.advanceMillis(499);
            assertThat(reasons).isEmpty();
            h.advanceMillis(1);

            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            assertThat(h.poll(sid).status()).isEqualTo(400);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void pingTimeoutClosesAPollingSessionWithAParkedGetAnsweringItWithClose() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            assertThat(h.poll(sid).responded()).isFalse();
            h.advanceMillis(300); // that poll took the ping
            FakePollingExchange parked = h.poll(sid);

            h.advanceMillis(200);

            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            assertThat(parked.body()).isEqualTo("1");
            assertThat(h.poll(sid).status()).isEqualTo(400);
        }
    }

    @Test
    void aPongRestartsTheIntervalFromItsArrival() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            h.advanceMillis(300);
            assertThat(h.poll(sid).body()).isEqualTo("2");
            h.advanceMillis(50);
            h.post(sid, "3");
            FakePollingExchange get = h.poll(sid);
            h.advanceMillis(299);
            assertThat(get.responded()).isFalse();
            h.advanceMillis(1);
            assertThat(get.body()).isEqualTo("2");
        }
    }

    @Test
    void aClientStillSendingGetsOneMoreTimeoutForItsPongAsNodeDoes() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            h.advanceMillis(300); // ping queued
            h.advanceMillis(100);
            h.post(sid, "4busy");
            h.advanceMillis(100); // timeout due, but a packet arrived since the ping
            assertThat(reasons).isEmpty();
            h.advanceMillis(200);
            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
        }
    }

    @Test
    void aPingFromAProtocol4ClientIsATransportError() {
        try (EngineHarness h = harness()) {
            String sid = h.handshake();
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            h.post(sid, "2");
            assertThat(reasons).containsExactly(CloseReason.TRANSPORT_ERROR);
        }
    }

    @Test
    void webSocketClientGetsThreePingsAndStaysOpenWhenItAnswers() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            for (int round = 1; round <= 3; round++) {
                h.advanceMillis(300);
                assertThat(ws.texts()).hasSize(1 + round);
                assertThat(ws.texts().get(round)).isEqualTo("2");
                ws.receive("3");
            }
            assertThat(ws.isClosed()).isFalse();
            assertThat(h.engine.clientsCount()).isEqualTo(1);
        }
    }

    @Test
    void pingTimeoutClosesTheWebSocket() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<CloseReason> reasons = closes(h.connections.get(0));
            h.advanceMillis(500);
            assertThat(ws.isClosed()).isTrue();
            assertThat(ws.closeReason()).isEqualTo("ping timeout");
            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }
}
