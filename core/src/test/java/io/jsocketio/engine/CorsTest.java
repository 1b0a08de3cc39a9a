package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS preflights and headers, and the origin policy (403 for a refused origin). */
class CorsTest {
    private static final String HANDSHAKE = "EIO=4&transport=polling";

    private static FakePollingExchange request(
            EngineHarness h, String method, String query, String origin) {
        FakeEngineRequest req =
                FakeEngineRequest.of(method, h.url(query)).header("Host", "app.example:3000");
        if (origin != null) {
            req = req.header("Origin", origin);
        }
        return h.handle(FakePollingExchange.of(req));
    }

    @Test
    void withoutCorsOptionsNoCorsHeaderIsSentAndSameOriginOrNoOriginPasses() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange none = request(h, "GET", HANDSHAKE, null);
            FakePollingExchange same = request(h, "GET", HANDSHAKE, "http://app.example:3000");
            assertThat(none.status()).isEqualTo(200);
            assertThat(same.status()).isEqualTo(200);
            assertThat(none.response().headers().keySet())
                    .noneMatch(k -> k.startsWith("Access-Control"));
            assertThat(same.response().headers().keySet())
                    .noneMatch(k -> k.startsWith("Access-Control"));
        }
    }

    @Test
    void withoutCorsOptionsACrossOriginRequestGets403AndAConnectionError() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex = request(h, "GET", HANDSHAKE, "https://evil.example");
            assertThat(ex.status()).isEqualTo(403);
            assertThat(ex.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
            assertThat(ex.response().header("Content-Type")).isEqualTo("application/json");
            assertThat(h.errors).extracting(ConnectionError::code).containsExactly(4);
            assertThat(h.engine.clientsCount()).isZero();
        }
    }

    @Test
    void withoutCorsOptionsOptionsIsNotAPreflight() {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex = request(h, "OPTIONS", HANDSHAKE, "http://app.example:3000");
            assertThat(ex.status()).isEqualTo(400);
            assertThat(ex.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
        }
    }

    @Test
    void anyOriginAnswersWildcardAndPreflightsWith204() {
        try (EngineHarness h = EngineHarness.create(b -> b.cors(CorsOptions.anyOrigin()))) {
            FakePollingExchange get = request(h, "GET", HANDSHAKE, "https://other.example");
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.response().header("Access-Control-Allow-Origin")).isEqualTo("*");

            FakeEngineRequest preflight =
                    FakeEngineRequest.of("OPTIONS", h.url(HANDSHAKE))
                            .header("Origin", "https://other.example")
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "content-type");
            FakePollingExchange ex = h.handle(FakePollingExchange.of(preflight));
            assertThat(ex.status()).isEqualTo(204);
            assertThat(ex.response().body()).isEmpty();
            assertThat(ex.response().headers())
                    .containsEntry("Access-Control-Allow-Origin", "*")
                    .containsEntry("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE")
                    .containsEntry("Access-Control-Allow-Headers", "content-type")
                    .containsEntry("Vary", "Access-Control-Request-Headers")
                    .doesNotContainKey("Access-Control-Allow-Credentials")
                    .doesNotContainKey("Access-Control-Max-Age");
            assertThat(h.engine.clientsCount())
                    .isEqualTo(1); // the GET; the preflight opens nothing
        }
    }

    @Test
    void anAllowListEchoesTheOriginWithCredentialsAndMaxAge() {
        CorsOptions cors =
                new CorsOptions(
                        OriginPolicy.allowList(List.of("https://app.example")),
                        true,
                        List.of("GET", "POST"),
                        List.of("X-Token"),
                        List.of("X-Served-By"),
                        Duration.ofMinutes(10));
        try (EngineHarness h = EngineHarness.echo(b -> b.cors(cors))) {
            FakePollingExchange pre = request(h, "OPTIONS", HANDSHAKE, "https://app.example");
            assertThat(pre.status()).isEqualTo(204);
            assertThat(pre.response().headers())
                    .containsEntry("Access-Control-Allow-Origin", "https://app.example")
                    .containsEntry("Vary", "Origin")
                    .containsEntry("Access-Control-Allow-Credentials", "true")
                    .containsEntry("Access-Control-Allow-Methods", "GET,POST")
                    .containsEntry("Access-Control-Allow-Headers", "X-Token")
                    .containsEntry("Access-Control-Max-Age", "600");

            FakePollingExchange get = request(h, "GET", HANDSHAKE, "https://app.example");
            String sid = EngineHarness.sidOf(get.body());
            assertThat(get.response().headers())
                    .containsEntry("Access-Control-Allow-Origin", "https://app.example")
                    .containsEntry("Access-Control-Allow-Credentials", "true")
                    .containsEntry("Access-Control-Expose-Headers", "X-Served-By");

            FakePollingExchange unknown =
                    request(h, "GET", HANDSHAKE + "&sid=nope", "https://app.example");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.response().header("Access-Control-Allow-Origin"))
                    .isEqualTo("https://app.example");

            FakePollingExchange refusedPre =
                    request(h, "OPTIONS", HANDSHAKE, "https://evil.example");
            FakePollingExchange refusedGet =
                    request(h, "GET", HANDSHAKE + "&sid=" + sid, "https://evil.example");
            assertThat(refusedPre.status()).isEqualTo(403);
            assertThat(refusedGet.status()).isEqualTo(403);
            assertThat(refusedGet.response().headers())
                    .doesNotContainKey("Access-Control-Allow-Origin");
        }
    }

    @Test
    void theOriginsHostPortPatternsDecideThroughTheSamePolicy() {
        CorsOptions cors = CorsOptions.of(OriginPolicy.hostPortPatterns(List.of("app.example:*")));
        try (EngineHarness h = EngineHarness.create(b -> b.cors(cors))) {
            assertThat(request(h, "GET", HANDSHAKE, "https://app.example:8443").status())
                    .isEqualTo(200);
            assertThat(request(h, "GET", HANDSHAKE, "https://other.example").status())
                    .isEqualTo(403);
        }
    }

    @Test
    void anOriginWithControlCharactersIsABadRequest() {
        try (EngineHarness h = EngineHarness.create(b -> b.cors(CorsOptions.anyOrigin()))) {
            FakePollingExchange ex = request(h, "GET", HANDSHAKE, "http://a\u0001b");
            assertThat(ex.status()).isEqualTo(400);
            assertThat(ex.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        }
    }

    @Test
    void aWebSocketFromARefusedOriginIsClosedAndReported() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws =
                    new FakeWebSocketPeer(
                                    FakeEngineRequest.get(h.url("EIO=4&transport=websocket"))
                                            .header("Host", "app.example")
                                            .header("Origin", "https://evil.example"))
                            .open(h.engine);
            assertThat(ws.isClosed()).isTrue();
            assertThat(h.errors).extracting(ConnectionError::code).containsExactly(4);
        }
    }
}
