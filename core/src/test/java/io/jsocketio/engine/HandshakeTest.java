package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 2, "Handshake", plus initialPacket, cookie and generateId. */
class HandshakeTest {
    private static final Pattern OPEN =
            Pattern.compile(
                    "0\\{\"sid\":\"([A-Za-z0-9_-]{20})\",\"upgrades\":\\[(.*)],\"pingInterval\":(\\d+),"
                            + "\"pingTimeout\":(\\d+),\"maxPayload\":(\\d+)}");

    @Test
    void pollingHandshakeAnswersTheOpenPacketWithExactlyTheFiveKeysInOrder() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));

            assertThat(ex.status()).isEqualTo(200);
            assertThat(ex.response().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
            String body = ex.body();
            assertThat(body).matches(OPEN);
            String sid = EngineHarness.sidOf(body);
            assertThat(body)
                    .isEqualTo(
                            "0{\"sid\":\""
                                    + sid
                                    + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                                    + "\"pingTimeout\":20000,\"maxPayload\":1000000}");
            assertThat(h.engine.clientsCount()).isEqualTo(1);
            assertThat(h.connections).hasSize(1);
            assertThat(h.connections.get(0).id()).isEqualTo(sid);
            assertThat(h.connections.get(0).transport()).isEqualTo("polling");
            assertThat(h.connections.get(0).protocol()).isEqualTo(4);
        }
    }

    @Test
    void openPacketCarriesTheConfiguredIntervalsAndPayloadLimit() {
        try (EngineHarness h =
                EngineHarness.create(
                        b ->
                                b.pingInterval(Duration.ofMillis(300))
                                        .pingTimeout(Duration.ofMillis(200))
                                        .maxHttpBufferSize(1234))) {
            String body =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling"))).body();
            assertThat(body)
                    .endsWith(
                            "\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200,"
                                    + "\"maxPayload\":1234}");
        }
    }

    @Test
    void upgradesAreEmptyWhenUpgradesAreOffOrWebSocketIsDisabled() {
        try (EngineHarness h = EngineHarness.create(b -> b.allowUpgrades(false))) {
            assertThat(h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling"))).body())
                    .contains("\"upgrades\":[]");
        }
        try (EngineHarness h =
                EngineHarness.create(b -> b.transports(Set.of(TransportType.POLLING)))) {
            assertThat(h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling"))).body())
                    .contains("\"upgrades\":[]");
        }
    }

    @Test
    void webSocketHandshakeSendsTheOpenPacketAsFirstFrameWithNoUpgrades() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");

            assertThat(ws.frames()).hasSize(1);
            String open = ws.frames().get(0).text();
            assertThat(open).matches(OPEN);
            assertThat(open).contains("\"upgrades\":[]");
            assertThat(ws.isClosed()).isFalse();
            assertThat(h.connections).hasSize(1);
            assertThat(h.connections.get(0).transport()).isEqualTo("websocket");
        }
    }

    @Test
    void initialPacketFollowsTheOpenPacketInTheSameResponse() {
        try (EngineHarness h =
                EngineHarness.create(b -> b.initialPacket(EngineMessage.text("welcome")))) {
            String body =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling"))).body();
            assertThat(body).startsWith("0{").endsWith("}\u001e4welcome");

            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            assertThat(ws.texts()).hasSize(2);
            assertThat(ws.texts().get(1)).isEqualTo("4welcome");
        }
    }

    @Test
    void noCookieByDefault() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.response().headers()).doesNotContainKey("Set-Cookie");
        }
    }

    @Test
    void cookieOptionSetsTheSessionCookieOnTheHandshakeOnly() {
        try (EngineHarness h = EngineHarness.echo(b -> b.cookie(CookieOptions.defaults()))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            String sid = EngineHarness.sidOf(ex.body());
            assertThat(ex.response().header("Set-Cookie"))
                    .isEqualTo("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax");

            h.post(sid, "4x");
            assertThat(h.poll(sid).response().headers()).doesNotContainKey("Set-Cookie");
        }
    }

    @Test
    void generateIdReplacesTheSessionIdMaker() {
        try (EngineHarness h = EngineHarness.create()) {
            h.engine.generateId(req -> "custom-" + req.query("n").orElse("?"));
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling&n=7")));
            assertThat(EngineHarness.sidOf(ex.body())).isEqualTo("custom-7");
            assertThat(h.engine.client("custom-7")).isPresent();
        }
    }

    @Test
    void defaultIdsAreTwentyUrlSafeCharactersAndDistinct() {
        try (EngineHarness h = EngineHarness.create()) {
            String a = h.handshake();
            String b = h.handshake();
            assertThat(a).matches("[A-Za-z0-9_-]{20}");
            assertThat(b).matches("[A-Za-z0-9_-]{20}").isNotEqualTo(a);
        }
    }

    @Test
    void anIdAlreadyInUseOrAFailingGeneratorRefusesTheHandshakeWithCode3() {
        try (EngineHarness h = EngineHarness.create()) {
            h.engine.generateId(req -> "same");
            h.handshake();
            FakePollingExchange second =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");

            h.engine.generateId(
                    req -> {
                        throw new IllegalStateException("boom");
                    });
            FakePollingExchange third =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(third.status()).isEqualTo(400);
            assertThat(h.engine.clientsCount()).isEqualTo(1);
        }
    }

    @Test
    void connectionListenerRunsBeforeAnyMessageListenerAndMaySendAtOnce() {
        try (EngineHarness h = EngineHarness.create()) {
            h.engine.onConnection(s -> s.send(EngineMessage.text("hi")));
            String sid = h.handshake();
            assertThat(h.poll(sid).body()).isEqualTo("4hi");
        }
    }
}
