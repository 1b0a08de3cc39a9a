package io.jsocketio.it;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official npm engine.io-client 6.x (testkit eio-client.js) against a bare {@link EngineServer}
 * echo on embedded Jetty: text and binary both ways over each transport and across the upgrade.
 */
class EngineIoClientIT {

    private static final byte[] BYTES = {0, 1, 2, (byte) 0x80, (byte) 0xff};

    private EngineServer engine;
    private EmbeddedServer http;
    private final CompletableFuture<EngineSocket> serverSide = new CompletableFuture<>();
    private final CompletableFuture<String> serverCloseReason = new CompletableFuture<>();

    @BeforeEach
    void startEchoServer() throws Exception {
        engine = EngineServer.create(EngineOptions.builder().path("/engine.io/").build());
        engine.onConnection(
                socket -> {
                    socket.onMessage(socket::send);
                    socket.onClose(
                            (reason, description) -> serverCloseReason.complete(reason.wire()));
                    // server-initiated traffic first: one text and one binary message
                    socket.send(
                            List.of(EngineMessage.text("welcome"), EngineMessage.binary(BYTES)));
                    serverSide.complete(socket);
                });
        http = EmbeddedServerProvider.load().start("127.0.0.1", 0, List.of(EngineMount.of(engine)));
    }

    @AfterEach
    void stopServer() {
        engine.close();
        http.close();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void exchangesTextAndBinaryBothWaysAndClosesWithTheClientsReason(Transports transports)
            throws Exception {
        try (NodeProcess client =
                NodeProcess.start(
                        "eio-client.js",
                        "http://127.0.0.1:" + http.port(),
                        "/engine.io",
                        transports.argument())) {
            JsonObject open = client.awaitEvent("open", It.TIMEOUT);
            assertThat(open.getString("transport")).isEqualTo(transports.first());
            EngineSocket socket = It.get(serverSide);
            assertThat(open.getString("sid")).isEqualTo(socket.id());

            assertThat(client.awaitEvent("message", It.TIMEOUT).getString("text"))
                    .isEqualTo("welcome");
            assertThat(base64(client.awaitEvent("message", It.TIMEOUT))).containsExactly(BYTES);

            if (transports.upgrades()) {
                assertThat(client.awaitEvent("upgrade", It.TIMEOUT).getString("transport"))
                        .isEqualTo("websocket");
            }

            client.send(command("send").add("text", "héllo € \uD83D\uDE00").build());
            client.send(
                    command("sendBinary")
                            .add("base64", Base64.getEncoder().encodeToString(BYTES))
                            .build());
            client.send(command("send").add("text", "after binary").build());

            assertThat(client.awaitEvent("message", It.TIMEOUT).getString("text"))
                    .isEqualTo("héllo € \uD83D\uDE00");
            assertThat(base64(client.awaitEvent("message", It.TIMEOUT))).containsExactly(BYTES);
            assertThat(client.awaitEvent("message", It.TIMEOUT).getString("text"))
                    .isEqualTo("after binary");
            assertThat(socket.transport())
                    .isEqualTo(transports.upgrades() ? "websocket" : transports.first());

            client.send(command("close").build());
            assertThat(client.awaitEvent("close", It.TIMEOUT).getString("reason"))
                    .isEqualTo("forced close");
            assertThat(It.get(serverCloseReason)).isEqualTo(CloseReason.TRANSPORT_CLOSE.wire());
            assertThat(client.lines())
                    .filteredOn(NodeProcess.event("error"))
                    .as("errors")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aServerSideCloseReachesTheClientAsTransportClose(Transports transports) throws Exception {
        try (NodeProcess client =
                NodeProcess.start(
                        "eio-client.js",
                        "http://127.0.0.1:" + http.port(),
                        "/engine.io",
                        transports.argument())) {
            client.awaitEvent("open", It.TIMEOUT);
            if (transports.upgrades()) {
                client.awaitEvent("upgrade", It.TIMEOUT);
            }
            client.send(command("send").add("text", "ping me").build());
            client.await(
                    "the echo", line -> "ping me".equals(line.getString("text", null)), It.TIMEOUT);

            It.get(serverSide).close();

            assertThat(client.awaitEvent("close", It.TIMEOUT).getString("reason"))
                    .isEqualTo("transport close");
            assertThat(It.get(serverCloseReason)).isEqualTo(CloseReason.FORCED_CLOSE.wire());
        }
    }

    private static byte[] base64(JsonObject message) {
        return Base64.getDecoder().decode(message.getString("base64"));
    }
}
