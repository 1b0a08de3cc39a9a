package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 2, "Upgrade": probe, noop, upgrade, ordering, refusals, timeout. */
class UpgradeTest {

    private static FakeWebSocketPeer upgradeSocket(EngineHarness h, String sid) {
        return h.webSocket("EIO=4&transport=websocket&sid=" + sid);
    }

    @Test
    void probeNoopAndUpgradeMoveTheSessionToTheWebSocket() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            assertThat(ws.frames()).isEmpty();

            ws.receive("2probe");
            assertThat(ws.texts()).containsExactly("3probe");

            FakePollingExchange get = h.poll(sid);
            assertThat(get.responded()).as("held until the next upgrade check").isFalse();
            h.advanceMillis(100);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("6");

            ws.receive("5");
            assertThat(socket.transport()).isEqualTo("websocket");
            ws.receive("4hello");
            assertThat(ws.texts()).containsExactly("3probe", "4hello");
        }
    }

    @Test
    void aPollParkedWhenTheProbeArrivesIsAnsweredWithNoopAtTheNextUpgradeCheck() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakePollingExchange parked = h.poll(sid);
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            assertThat(parked.responded()).isFalse();

            ws.receive("2probe");
            h.advanceMillis(99);
            assertThat(parked.responded()).isFalse();
            h.advanceMillis(1);

            assertThat(parked.body()).isEqualTo("6");
        }
    }

    /**
     * Socket.IO v5 suite, "should ignore HTTP requests with same sid after upgrade": the client
     * sends "2probe", "5", then a GET; the GET may reach the server before the "5" does. Held until
     * the next upgrade check, it is refused like any GET after the upgrade.
     */
    @Test
    void aPollHeldWhenTheUpgradeCompletesIsRefusedWith400() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            FakePollingExchange get = h.poll(sid);
            assertThat(get.responded()).isFalse();

            ws.receive("5");

            assertThat(get.status()).isEqualTo(400);
            assertThat(get.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
            ws.receive("4hello");
            assertThat(ws.texts()).containsExactly("3probe", "4hello");
        }
    }

    @Test
    void aPollParkedBeforeTheProbeIsRefusedWhenTheUpgradeCompletesFirst() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakePollingExchange parked = h.poll(sid);
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            ws.receive("5");

            assertThat(parked.status()).isEqualTo(400);
        }
    }

    @Test
    void noPacketIsLostDuplicatedOrReorderedAcrossTheSwitch() {
        try (EngineHarness h =
                EngineHarness.create(
                        b ->
                                b.pingInterval(Duration.ofSeconds(1))
                                        .pingTimeout(Duration.ofSeconds(5)))) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            socket.send(EngineMessage.text("a"));
            assertThat(h.poll(sid).body()).isEqualTo("4a");

            FakeWebSocketPeer ws =
                    FakeWebSocketPeer.to(h.url("EIO=4&transport=websocket&sid=" + sid))
                            .holdSends()
                            .open(h.engine);
            socket.send(EngineMessage.text("b")); // before the probe: still polling
            assertThat(h.poll(sid).body()).isEqualTo("4b");

            ws.receive("2probe");
            socket.send(EngineMessage.text("c"));
            socket.send(List.of(EngineMessage.binary(new byte[] {1}), EngineMessage.text("d")));
            FakePollingExchange held = h.poll(sid);
            h.advanceMillis(100); // the upgrade check
            assertThat(held.body()).isEqualTo("6"); // messages are held for the WebSocket
            h.advanceMillis(1000); // a ping falls due during the upgrade
            socket.send(EngineMessage.text("e"));

            ws.receive("5"); // while 3probe is still in flight
            socket.send(EngineMessage.text("f"));
            while (ws.completeSend()) {
                // drain
            }

            assertThat(ws.texts())
                    .containsExactly("3probe", "4c", "bin:[1]", "4d", "2", "4e", "4f");
            assertThat(ws.overlappingSends()).isZero();
        }
    }

    @Test
    void messagesPostedDuringTheUpgradeAreStillDelivered() {
        try (EngineHarness h = EngineHarness.create()) {
            List<String> seen = new ArrayList<>();
            h.engine.onConnection(s -> s.onMessage(m -> seen.add(m.text())));
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            FakePollingExchange post =
                    h.handle(
                            FakePollingExchange.post(
                                            h.url("EIO=4&transport=polling&sid=" + sid), "4late")
                                    .deferBody());
            ws.receive("5");
            post.deliverBody();
            ws.receive("4next");
            assertThat(post.body()).isEqualTo("ok");
            assertThat(seen).containsExactly("late", "next");
        }
    }

    @Test
    void afterTheUpgradePollsAreRefusedAndASecondWebSocketIsClosed() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            ws.receive("5");

            FakePollingExchange get = h.poll(sid);
            assertThat(get.status()).isEqualTo(400);
            assertThat(get.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
            assertThat(h.post(sid, "4x").status()).isEqualTo(400);

            FakeWebSocketPeer second = upgradeSocket(h, sid);
            assertThat(second.isClosed()).isTrue();

            ws.receive("4hello");
            assertThat(ws.texts()).containsExactly("3probe", "4hello");
            assertThat(ws.isClosed()).isFalse();
        }
    }

    @Test
    void aSecondWebSocketDuringAnUpgradeIsClosed() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakeWebSocketPeer first = upgradeSocket(h, sid);
            FakeWebSocketPeer second = upgradeSocket(h, sid);
            assertThat(second.isClosed()).isTrue();
            first.receive("2probe");
            assertThat(first.texts()).containsExactly("3probe");
        }
    }

    @Test
    void theUpgradeTimeoutClosesTheCandidateAndPollingGoesOn() {
        try (EngineHarness h = EngineHarness.echo(b -> b.upgradeTimeout(Duration.ofSeconds(10)))) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            socket.send(EngineMessage.text("held"));

            h.advanceMillis(9_999);
            assertThat(ws.isClosed()).isFalse();
            h.advanceMillis(1);

            assertThat(ws.isClosed()).isTrue();
            assertThat(socket.isOpen()).isTrue();
            assertThat(socket.transport()).isEqualTo("polling");
            assertThat(h.poll(sid).body()).isEqualTo("4held");
            h.post(sid, "4again");
            assertThat(h.poll(sid).body()).isEqualTo("4again");
        }
    }

    @Test
    void aCandidateThatClosesOrMisbehavesIsDroppedAndPollingGoesOn() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.clientClose(1006);
            h.post(sid, "4a");
            assertThat(h.poll(sid).body()).isEqualTo("4a");

            FakeWebSocketPeer odd = upgradeSocket(h, sid);
            assertThat(odd.isClosed()).isFalse();
            odd.receive("4not-yet");
            assertThat(odd.isClosed()).isTrue();
            h.post(sid, "4b");
            assertThat(h.poll(sid).body()).isEqualTo("4b");

            FakeWebSocketPeer retry = upgradeSocket(h, sid);
            retry.receive("2probe");
            retry.receive("5");
            assertThat(h.engine.client(sid).orElseThrow().transport()).isEqualTo("websocket");
            assertThat(h.scheduler.pendingCount()).isEqualTo(1); // the heartbeat only
        }
    }

    @Test
    void aSessionClosingDuringTheUpgradeClosesTheCandidate() {
        try (EngineHarness h =
                EngineHarness.echo(
                        b ->
                                b.pingInterval(Duration.ofMillis(300))
                                        .pingTimeout(Duration.ofMillis(200)))) {
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            ws.receive("2probe");
            h.advanceMillis(500);
            assertThat(ws.isClosed()).isTrue();
            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void noUpgradeWhenUpgradesAreOff() {
        try (EngineHarness h = EngineHarness.echo(b -> b.allowUpgrades(false))) {
            String sid = h.handshake();
            FakeWebSocketPeer ws = upgradeSocket(h, sid);
            assertThat(ws.isClosed()).isTrue();
            h.post(sid, "4a");
            assertThat(h.poll(sid).body()).isEqualTo("4a");
        }
    }
}
