package io.jsocketio.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.TransportType;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import io.jsocketio.jetty.internal.RawWebSocket;
import io.jsocketio.servlet.testing.StubEngine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which upgrades the embedded server runs on its native WebSocket, and that everything else gets
 * exactly the answer of the JSR-356 path: each bad request goes to a server with the native
 * transport and to one without it (JSR-356 only, as in a WAR), and the answers must match.
 */
class NativeWebSocketUpgradeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PATH = "/engine.io/";
    private static final String TARGET = PATH + "?EIO=4&transport=websocket";

    private final List<AutoCloseable> started = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    private int start(boolean nativeWebSocket, EngineServer engine) throws Exception {
        EmbeddedServer server =
                new JettyServerProvider(nativeWebSocket)
                        .start("127.0.0.1", 0, List.of(EngineMount.of(engine)));
        started.add(server);
        return server.port();
    }

    private EngineServer realEngine() {
        EngineServer engine = EngineServer.create(EngineOptions.builder().path(PATH).build());
        started.add(engine);
        return engine;
    }

    @Test
    void runsACleanUpgradeOnTheNativeConnection() throws Exception {
        StubEngine engine = new StubEngine(PATH);
        int port = start(true, engine);

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            assertThat(client.status()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(StubEngine.next(engine.peers, WAIT).getClass().getSimpleName())
                    .isEqualTo("WebSocketConnection");
        }
    }

    @Test
    void putsTheCookieAndTheHeaderHooksOnTheNative101() throws Exception {
        EngineServer engine =
                EngineServer.create(
                        EngineOptions.builder()
                                .path(PATH)
                                .cookie(io.jsocketio.engine.CookieOptions.defaults())
                                .build());
        started.add(engine);
        engine.onInitialHeaders((headers, request) -> headers.put("X-Initial", "1"));
        engine.onHeaders((headers, request) -> headers.put("X-Every", "2"));
        int port = start(true, engine);

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            assertThat(client.status()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(client.response)
                    .containsPattern("(?i)Set-Cookie: io=[^;\\r]+; Path=/")
                    .containsIgnoringCase("X-Initial: 1")
                    .containsIgnoringCase("X-Every: 2");
            String sid = client.response.replaceAll("(?s).*Set-Cookie: io=([^;\\r]+);.*", "$1");
            assertThat(client.next()).startsWith("text:0{\"sid\":\"" + sid + "\"");
        }
    }

    @Test
    void leavesAnEngineWithPerMessageDeflateToTheJsr356Endpoint() throws Exception {
        StubEngine engine =
                new StubEngine(EngineOptions.builder().path(PATH).perMessageDeflate(true).build());
        int port = start(true, engine);

        try (RawWebSocket client =
                RawWebSocket.connect(
                        port,
                        RawWebSocket.upgradeRequest(
                                port, TARGET, "Sec-WebSocket-Extensions: permessage-deflate"),
                        new byte[0])) {
            assertThat(client.status()).contains("101");
            assertThat(client.response).containsIgnoringCase("permessage-deflate");
            assertThat(StubEngine.next(engine.peers, WAIT).getClass().getSimpleName())
                    .isEqualTo("SessionPeer");
        }
    }

    @Test
    void installsNothingForAnEngineWithoutWebSocket() throws Exception {
        EngineServer engine =
                EngineServer.create(
                        EngineOptions.builder()
                                .path(PATH)
                                .transports(Set.of(TransportType.POLLING))
                                .build());
        started.add(engine);
        int nativePort = start(true, engine);
        int jsrPort = start(false, engine);

        assertThat(answer(nativePort, RawWebSocket.upgradeRequest(nativePort, TARGET)))
                .isEqualTo(answer(jsrPort, RawWebSocket.upgradeRequest(jsrPort, TARGET)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sec-WebSocket-Version: 13|Sec-WebSocket-Version: 8",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n|",
                "Upgrade: websocket|Upgrade: h2c",
                "Connection: Upgrade|Connection: keep-alive",
                "GET |POST ",
                "HTTP/1.1|HTTP/1.0",
                "transport=websocket|transport=polling",
                "transport=websocket|transport=abc",
            })
    void answersABadUpgradeAsTheJsr356PathDoes(String change) throws Exception {
        String[] edit = change.split("\\|", -1);
        EngineServer engine = realEngine();
        int nativePort = start(true, engine);
        int jsrPort = start(false, engine);

        String viaNative =
                answer(
                        nativePort,
                        RawWebSocket.upgradeRequest(nativePort, TARGET).replace(edit[0], edit[1]));
        String viaJsr =
                answer(
                        jsrPort,
                        RawWebSocket.upgradeRequest(jsrPort, TARGET).replace(edit[0], edit[1]));

        assertThat(viaNative).isEqualTo(viaJsr);
    }

    /**
     * Status line and body of the answer (headers such as Date differ between two servers, and an
     * error page shows the port).
     */
    private static String answer(int port, String request) throws Exception {
        String response =
                RawWebSocket.exchange(port, request).replace("127.0.0.1:" + port, "127.0.0.1:PORT");
        int endOfStatus = response.indexOf("\r\n");
        int endOfHead = response.indexOf("\r\n\r\n");
        return response.substring(0, endOfStatus) + " | " + response.substring(endOfHead + 4);
    }
}
