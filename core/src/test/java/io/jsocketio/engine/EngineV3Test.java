package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO protocol revision 3 sessions ({@code EIO=3}, only with {@code allowEIO3}), at the level
 * of the HTTP exchanges and WebSocket frames: the rules of {@code docs/engine.io-protocol/v3.md}
 * and of Node's engine.io 6.x for such sessions.
 */
class EngineV3Test {
    private static final String OPEN =
            "{\"sid\":\"%s\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,"
                    + "\"pingTimeout\":200,\"maxPayload\":1000000}";

    private static EngineHarness harness() {
        return EngineHarness.echo(
                b ->
                        b.allowEIO3(true)
                                .pingInterval(Duration.ofMillis(300))
                                .pingTimeout(Duration.ofMillis(200)));
    }

    private static String handshake(EngineHarness h, String extraQuery) {
        FakePollingExchange ex =
                h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling" + extraQuery)));
        assertThat(ex.status()).isEqualTo(200);
        return EngineHarness.sidOf(ex.body());
    }

    private static FakePollingExchange poll(EngineHarness h, String sid) {
        return h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling&sid=" + sid)));
    }

    private static FakePollingExchange post(EngineHarness h, String sid, String body) {
        return h.handle(
                FakePollingExchange.post(h.url("EIO=3&transport=polling&sid=" + sid), body));
    }

    private static FakePollingExchange postBinary(EngineHarness h, String sid, byte[] body) {
        return h.handle(
                new FakePollingExchange(
                        FakeEngineRequest.of("POST", h.url("EIO=3&transport=polling&sid=" + sid))
                                .header("Content-Type", "application/octet-stream"),
                        body));
    }

    private static List<CloseReason> closes(EngineSocket socket) {
        List<CloseReason> reasons = new ArrayList<>();
        socket.onClose((reason, description) -> reasons.add(reason));
        return reasons;
    }

    /** A new session's WebSocket, once its first frame went out (after the 1 ms hold). */
    private static FakeWebSocketPeer opened(EngineHarness h, String query) {
        FakeWebSocketPeer ws = h.webSocket(query);
        h.advanceMillis(1);
        return ws;
    }

    @Test
    void aNewWebSocketSessionHoldsItsFirstFrameOneMillisecondAfterThe101() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=3&transport=websocket");
            ws.receive("4early");
            assertThat(ws.frames()).isEmpty();

            h.scheduler.advance(Duration.ofNanos(999_999));
            assertThat(ws.frames()).isEmpty();
            h.scheduler.advance(Duration.ofNanos(1));

            assertThat(ws.texts()).hasSize(2);
            assertThat(ws.texts().get(0)).startsWith("0{\"sid\":");
            assertThat(ws.texts().get(1)).isEqualTo("4early");
            ws.receive("4later");
            assertThat(ws.texts()).last().isEqualTo("4later");
        }
    }

    @Test
    void eio3IsRefusedWithCode5UnlessAllowed() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling")));
            assertThat(ex.status()).isEqualTo(400);
            assertThat(ex.body())
                    .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket");
            assertThat(ws.isClosed()).isTrue();
            assertThat(h.errors).hasSize(2);
        }
    }

    @Test
    void aMissingOrUnknownEioIsStillRefusedWhenEio3IsAllowed() {
        try (EngineHarness h = harness()) {
            for (String q : List.of("transport=polling", "EIO=2&transport=polling")) {
                FakePollingExchange ex = h.handle(FakePollingExchange.get(h.url(q)));
                assertThat(ex.status()).isEqualTo(400);
                assertThat(ex.body()).contains("\"code\":5");
            }
        }
    }

    @Test
    void thePollingHandshakeIsALengthPrefixedOpenPacketWithNodesFields() {
        try (EngineHarness h = harness()) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling&b64=1")));
            String sid = EngineHarness.sidOf(ex.body());
            String open = "0" + OPEN.formatted(sid);
            assertThat(ex.body()).isEqualTo(open.length() + ":" + open);
            assertThat(ex.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
            assertThat(h.connections)
                    .singleElement()
                    .satisfies(
                            s -> {
                                assertThat(s.protocol()).isEqualTo(3);
                                assertThat(s.transport()).isEqualTo("polling");
                            });
        }
    }

    @Test
    void theWebSocketHandshakeSendsTheOpenPacketWithoutUpgrades() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket");
            String sid = EngineHarness.sidOf(ws.texts().get(0));
            assertThat(ws.texts())
                    .containsExactly("0" + OPEN.formatted(sid).replace("[\"websocket\"]", "[]"));
        }
    }

    @Test
    void stringPayloadsAreEchoedWithUtf16Lengths() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            FakePollingExchange p = post(h, sid, "6:4hello2:4€6:4test2");
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body()).isEqualTo("ok");
            assertThat(p.response().header("Content-Type")).isEqualTo("text/html");
            FakePollingExchange g = poll(h, sid);
            assertThat(g.body()).isEqualTo("6:4hello2:4€6:4test2");
            assertThat(g.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        }
    }

    @Test
    void withB64BinaryGoesOutAsBase64InAStringPayload() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            post(h, sid, "6:4hello10:b4AQIDBA==");
            FakePollingExchange g = poll(h, sid);
            assertThat(g.body()).isEqualTo("6:4hello10:b4AQIDBA==");
            assertThat(g.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        }
    }

    @Test
    void withoutB64APayloadHoldingBinaryIsAnXhr2BinaryPayload() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "");
            post(h, sid, "6:4hello10:b4AQIDBA==");
            FakePollingExchange g = poll(h, sid);
            assertThat(g.response().header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(g.response().body())
                    .containsExactly(
                            0, 6, 255, 52, 104, 101, 108, 108, 111, 1, 5, 255, 4, 1, 2, 3, 4);
        }
    }

    @Test
    void withoutB64ATextOnlyPayloadStaysAString() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "");
            post(h, sid, "6:4hello");
            assertThat(poll(h, sid).body()).isEqualTo("6:4hello");
        }
    }

    @Test
    void anOctetStreamPostIsDecodedAsABinaryPayload() {
        try (EngineHarness h = harness()) {
            List<EngineMessage> got = new ArrayList<>();
            h.engine.onConnection(s -> s.onMessage(got::add));
            String sid = handshake(h, "");
            byte[] body = {
                0, 6, (byte) 255, 52, 104, 101, 108, 108, 111, 1, 5, (byte) 255, 4, 1, 2, 3, 4
            };
            assertThat(postBinary(h, sid, body).body()).isEqualTo("ok");
            assertThat(got)
                    .containsExactly(
                            EngineMessage.text("hello"),
                            EngineMessage.binary(new byte[] {1, 2, 3, 4}));
        }
    }

    @Test
    void anInvalidPayloadAnswers400AndClosesTheSessionWithParseError() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            assertThat(post(h, sid, "abc").status()).isEqualTo(400);
            assertThat(reasons).containsExactly(CloseReason.PARSE_ERROR);
            assertThat(poll(h, sid).status()).isEqualTo(400);
        }
    }

    @Test
    void aClientPingIsAnsweredWithAPongAndKeepsTheSessionAlive() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            for (int i = 0; i < 3; i++) {
                h.advanceMillis(400);
                assertThat(post(h, sid, "1:2").status()).isEqualTo(200);
                assertThat(poll(h, sid).body()).isEqualTo("1:3");
            }
            assertThat(reasons).isEmpty();
        }
    }

    @Test
    void theServerNeverPingsAndTimesOutAfterIntervalPlusTimeoutOfSilence() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange parked = poll(h, sid);
            h.advanceMillis(499);
            assertThat(parked.responded()).isFalse();
            assertThat(reasons).isEmpty();
            h.advanceMillis(1);
            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            assertThat(parked.body()).isEqualTo("1:1");
            assertThat(post(h, sid, "1:2").status()).isEqualTo(400);
        }
    }

    @Test
    void aPongFromTheClientIsAnInvalidHeartbeatDirection() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            post(h, sid, "1:3");
            assertThat(reasons).containsExactly(CloseReason.TRANSPORT_ERROR);
        }
    }

    @Test
    void aClosePacketEndsTheSessionAndTheParkedPollGetsANoop() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            List<CloseReason> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange parked = poll(h, sid);
            post(h, sid, "1:1");
            assertThat(parked.body()).isEqualTo("1:6");
            assertThat(reasons).containsExactly(CloseReason.TRANSPORT_CLOSE);
            assertThat(poll(h, sid).status()).isEqualTo(400);
        }
    }

    @Test
    void webSocketTextAndBinaryFramesCarryTheTypeByte() {
        try (EngineHarness h = harness()) {
            List<EngineMessage> got = new ArrayList<>();
            h.engine.onConnection(s -> s.onMessage(got::add));
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket");
            ws.receive("4hello");
            ws.receive(new byte[] {4, 1, 2, 3, 4});
            ws.receive("2");
            assertThat(got)
                    .containsExactly(
                            EngineMessage.text("hello"),
                            EngineMessage.binary(new byte[] {1, 2, 3, 4}));
            assertThat(ws.frames().subList(1, 4))
                    .containsExactly(
                            new FakeWebSocketPeer.Frame("4hello", null),
                            new FakeWebSocketPeer.Frame(null, new byte[] {4, 1, 2, 3, 4}),
                            new FakeWebSocketPeer.Frame("3", null));
        }
    }

    @Test
    void aWebSocketWithB64GetsBinaryAsBase64TextFrames() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket&b64=1");
            ws.receive("b4AQIDBA==");
            assertThat(ws.texts()).last().isEqualTo("b4AQIDBA==");
        }
    }

    @Test
    void aBinaryFrameWithoutTheMessageTypeByteClosesTheSession() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket");
            List<CloseReason> reasons = closes(h.connections.get(0));
            ws.receive(new byte[] {1, 2, 3});
            assertThat(reasons).containsExactly(CloseReason.PARSE_ERROR);
            assertThat(ws.isClosed()).isTrue();
        }
    }

    @Test
    void overWebSocketTheSessionTimesOutWithoutPings() {
        try (EngineHarness h = harness()) {
            FakeWebSocketPeer ws = opened(h, "EIO=3&transport=websocket");
            List<CloseReason> reasons = closes(h.connections.get(0));
            h.advanceMillis(400);
            ws.receive("2");
            h.advanceMillis(400);
            assertThat(reasons).isEmpty();
            h.advanceMillis(100);
            assertThat(reasons).containsExactly(CloseReason.PING_TIMEOUT);
            assertThat(ws.isClosed()).isTrue();
            assertThat(ws.texts()).noneMatch(t -> t.equals("2"));
        }
    }

    @Test
    void theUpgradeProbesPausesThePollWithANoopAndSwitches() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            FakePollingExchange parked = poll(h, sid);
            FakeWebSocketPeer ws = h.webSocket("EIO=3&transport=websocket&sid=" + sid);
            ws.receive("2probe");
            assertThat(ws.texts()).containsExactly("3probe");
            // polls during an upgrade get their noop at Node's 100 ms upgrade check
            h.advanceMillis(100);
            assertThat(parked.body()).isEqualTo("1:6");
            FakePollingExchange next = poll(h, sid);
            assertThat(next.responded()).isFalse();
            h.advanceMillis(100);
            assertThat(next.body()).isEqualTo("1:6");
            ws.receive("5");
            assertThat(socket.transport()).isEqualTo("websocket");
            assertThat(poll(h, sid).status()).isEqualTo(400);
            ws.receive("4hello");
            ws.receive(new byte[] {4, 9});
            assertThat(ws.frames().subList(1, 3))
                    .containsExactly(
                            new FakeWebSocketPeer.Frame("4hello", null),
                            new FakeWebSocketPeer.Frame(null, new byte[] {4, 9}));
        }
    }

    @Test
    void jsonpHandshakeAndPollsAreScriptsWithTheIndexOfTheHandshake() {
        try (EngineHarness h = harness()) {
            FakePollingExchange hs =
                    h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling&j=0&b64=1")));
            assertThat(hs.status()).isEqualTo(200);
            assertThat(hs.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
            String sid = EngineHarness.sidOf(hs.body().replace("\\\"", "\""));
            String open = "0" + OPEN.formatted(sid);
            assertThat(hs.body())
                    .isEqualTo(
                            "___eio[0](\""
                                    + (open.length() + ":" + open).replace("\"", "\\\"")
                                    + "\");");

            FakePollingExchange p =
                    h.handle(
                            new FakePollingExchange(
                                    FakeEngineRequest.of(
                                                    "POST",
                                                    h.url("EIO=3&transport=polling&j=0&sid=" + sid))
                                            .header(
                                                    "Content-Type",
                                                    "application/x-www-form-urlencoded"),
                                    "d=10%3A4a%5C%5Cnb%5Cn%22%E2%80%A8%2B+"
                                            .getBytes(StandardCharsets.US_ASCII)));
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body()).isEqualTo("ok");
            assertThat(p.response().header("Content-Type")).isEqualTo("text/html");

            FakePollingExchange g =
                    h.handle(
                            FakePollingExchange.get(
                                    h.url("EIO=3&transport=polling&j=0&sid=" + sid)));
            // the message a\nb<LF>"<U+2028>+<space>: with the type, 10 characters
            assertThat(g.body()).isEqualTo("___eio[0](\"10:4a\\\\nb\\n\\\"\\u2028+ \");");
            assertThat(g.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        }
    }

    @Test
    void jsonpNeverSendsBinaryPayloadsAndIgnoresAFormWithoutD() {
        try (EngineHarness h = harness()) {
            FakePollingExchange hs =
                    h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling&j=3")));
            String sid = EngineHarness.sidOf(hs.body().replace("\\\"", "\""));
            String url = h.url("EIO=3&transport=polling&j=3&sid=" + sid);
            assertThat(h.handle(FakePollingExchange.post(url, "x=1")).body()).isEqualTo("ok");
            assertThat(h.handle(FakePollingExchange.post(url, "d=10%3Ab4AQIDBA%3D%3D")).body())
                    .isEqualTo("ok");
            assertThat(h.handle(FakePollingExchange.get(url)).body())
                    .isEqualTo("___eio[3](\"10:b4AQIDBA==\");");
        }
    }

    @Test
    void pollingIsWritableOnlyWhileAGetIsParked() {
        try (EngineHarness h = harness()) {
            String sid = handshake(h, "&b64=1");
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            assertThat(socket.isWritable()).isFalse();
            FakePollingExchange parked = poll(h, sid);
            assertThat(socket.isWritable()).isTrue();
            socket.send(EngineMessage.text("x"));
            assertThat(parked.body()).isEqualTo("2:4x");
            assertThat(socket.isWritable()).isFalse();
            socket.close();
            assertThat(socket.isWritable()).isFalse();
        }
    }

    @Test
    void aWebSocketIsNotWritableWhileASendIsInFlight() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws =
                    FakeWebSocketPeer.to(h.url("EIO=4&transport=websocket")).holdSends();
            ws.open(h.engine);
            EngineSocket socket = h.connections.get(0);
            assertThat(socket.isWritable()).isFalse(); // the open packet is in flight
            assertThat(ws.completeSend()).isTrue();
            assertThat(socket.isWritable()).isTrue();
            socket.send(EngineMessage.text("x"));
            assertThat(socket.isWritable()).isFalse();
            assertThat(ws.completeSend()).isTrue();
            assertThat(socket.isWritable()).isTrue();
        }
    }
}
