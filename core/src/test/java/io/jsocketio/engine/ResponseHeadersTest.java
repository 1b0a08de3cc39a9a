package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code initial_headers} and {@code headers} hooks of Node's Engine.IO server, and the {@code
 * cookie} option on WebSocket handshakes.
 */
class ResponseHeadersTest {

    @Test
    void initialHeadersGoOnTheHandshakeOnlyAndHeadersOnEveryPollingAnswer() {
        try (EngineHarness h = EngineHarness.echo(b -> b.cookie(CookieOptions.defaults()))) {
            List<String> calls = new ArrayList<>();
            h.engine.onInitialHeaders(
                    (headers, req) -> {
                        calls.add("initial " + req.method() + " " + headers.get("Set-Cookie"));
                        headers.put("X-Initial", "1");
                    });
            h.engine.onHeaders(
                    (headers, req) -> {
                        calls.add("headers " + req.method());
                        headers.put("X-Every", req.method());
                    });

            FakePollingExchange handshake =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            String sid = EngineHarness.sidOf(handshake.body());
            assertThat(handshake.response().header("X-Initial")).isEqualTo("1");
            assertThat(handshake.response().header("X-Every")).isEqualTo("GET");
            assertThat(handshake.response().header("Set-Cookie")).startsWith("io=" + sid + ";");

            FakePollingExchange post = h.post(sid, "4x");
            FakePollingExchange poll = h.poll(sid);
            assertThat(post.response().header("X-Every")).isEqualTo("POST");
            assertThat(poll.response().header("X-Every")).isEqualTo("GET");
            assertThat(poll.body()).isEqualTo("4x");
            assertThat(poll.response().headers()).doesNotContainKeys("X-Initial", "Set-Cookie");
            assertThat(calls)
                    .containsExactly(
                            "initial GET io=" + sid + "; Path=/; HttpOnly; SameSite=Lax",
                            "headers GET",
                            "headers POST",
                            "headers GET");
        }
    }

    @Test
    void errorAnswersAreNotOffered() {
        try (EngineHarness h = EngineHarness.create()) {
            List<String> calls = new ArrayList<>();
            h.engine.onHeaders((headers, req) -> calls.add(req.url()));
            FakePollingExchange refused =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling&sid=nope")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void aFailingListenerLeavesTheResponseToTheOthers() {
        try (EngineHarness h = EngineHarness.create()) {
            h.engine.onInitialHeaders(
                    (headers, req) -> {
                        throw new IllegalStateException("boom");
                    });
            h.engine.onInitialHeaders((headers, req) -> headers.put("X-After", "yes"));
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.status()).isEqualTo(200);
            assertThat(ex.response().header("X-After")).isEqualTo("yes");
        }
    }

    @Test
    void webSocketHandshakeGetsTheCookieAndBothHooksAndKeepsTheReservedId() {
        try (EngineHarness h = EngineHarness.create(b -> b.cookie(CookieOptions.defaults()))) {
            h.engine.onInitialHeaders((headers, req) -> headers.put("X-Initial", "1"));
            h.engine.onHeaders((headers, req) -> headers.put("X-Every", "1"));
            FakeEngineRequest req = FakeEngineRequest.get(h.url("EIO=4&transport=websocket"));

            Map<String, String> headers = new LinkedHashMap<>();
            String reserved = h.engine.prepareWebSocket(req, headers);
            FakeWebSocketPeer ws = new FakeWebSocketPeer(req).open(h.engine, reserved);

            assertThat(reserved).isNotNull();
            assertThat(headers)
                    .containsExactly(
                            Map.entry(
                                    "Set-Cookie",
                                    "io=" + reserved + "; Path=/; HttpOnly; SameSite=Lax"),
                            Map.entry("X-Initial", "1"),
                            Map.entry("X-Every", "1"));
            assertThat(EngineHarness.sidOf(ws.texts().get(0))).isEqualTo(reserved);
            assertThat(h.engine.client(reserved)).isPresent();
        }
    }

    @Test
    void anUpgradeGetsTheHeadersHookButNoCookieAndNoReservedId() {
        try (EngineHarness h = EngineHarness.create(b -> b.cookie(CookieOptions.defaults()))) {
            h.engine.onInitialHeaders((headers, req) -> headers.put("X-Initial", "1"));
            h.engine.onHeaders((headers, req) -> headers.put("X-Every", "1"));
            String sid = h.handshake();
            Map<String, String> headers = new LinkedHashMap<>();
            String reserved =
                    h.engine.prepareWebSocket(
                            FakeEngineRequest.get(h.url("EIO=4&transport=websocket&sid=" + sid)),
                            headers);
            assertThat(reserved).isNull();
            assertThat(headers).containsExactly(Map.entry("X-Every", "1"));
        }
    }
}
