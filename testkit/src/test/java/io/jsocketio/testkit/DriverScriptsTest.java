package io.jsocketio.testkit;

import static io.jsocketio.testkit.NodeJson.bin;
import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver scripts against a closed port and against the Node reference server
 * (reference-server.js), which proves the harness before any Java server exists.
 */
class DriverScriptsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static NodeProcess server;
    private static String url;

    @BeforeAll
    static void startReferenceServer() {
        server = NodeProcess.start("reference-server.js");
        int port = server.awaitEvent("listening", TIMEOUT).getInt("port");
        url = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopReferenceServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "2"})
    void socketIoClientReportsConnectErrorForAClosedPort(String version) throws IOException {
        try (NodeProcess client = NodeProcess.start("sio-client.js", version)) {
            client.send(command("connect").add("id", "a").add("url", closedPortUrl()).build());

            JsonObject error = client.awaitEvent("connect_error", "a", TIMEOUT);

            assertThat(error.getString("message")).isNotEmpty();
        }
    }

    @Test
    void engineIoClientReportsErrorAndTransportErrorCloseForAClosedPort() throws IOException {
        try (NodeProcess client = NodeProcess.start("eio-client.js", closedPortUrl())) {
            assertThat(client.awaitEvent("error", TIMEOUT).getString("message")).isNotEmpty();
            assertThat(client.awaitEvent("close", TIMEOUT).getString("reason"))
                    .isEqualTo("transport error");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket"})
    void engineIoClientEchoesTextAndBinaryThroughTheReferenceServer(String transport) {
        try (NodeProcess client =
                NodeProcess.start("eio-client.js", url, "/engine.io", transport)) {
            JsonObject open = client.awaitEvent("open", TIMEOUT);
            assertThat(open.getString("transport")).isEqualTo(transport);
            assertThat(open.getString("sid")).isNotEmpty();

            client.send(command("send").add("text", "héllo €").build());
            assertThat(client.awaitEvent("message", TIMEOUT).getString("text"))
                    .isEqualTo("héllo €");

            byte[] bytes = {0, 1, 2, (byte) 255};
            client.send(
                    command("sendBinary")
                            .add("base64", Base64.getEncoder().encodeToString(bytes))
                            .build());
            assertThat(
                            Base64.getDecoder()
                                    .decode(
                                            client.awaitEvent("message", TIMEOUT)
                                                    .getString("base64")))
                    .containsExactly(bytes);

            client.send(command("close").build());
            assertThat(client.awaitEvent("close", TIMEOUT).getString("reason"))
                    .isEqualTo("forced close");
        }
    }

    @Test
    void engineIoClientUpgradesFromPollingToWebSocket() {
        try (NodeProcess client = NodeProcess.start("eio-client.js", url, "/engine.io")) {
            assertThat(client.awaitEvent("open", TIMEOUT).getString("transport"))
                    .isEqualTo("polling");
            assertThat(client.awaitEvent("upgrade", TIMEOUT).getString("transport"))
                    .isEqualTo("websocket");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "2"})
    void socketIoClientConnectsEmitsWithAckAndReceivesEvents(String version) {
        try (NodeProcess client = NodeProcess.start("sio-client.js", version)) {
            client.send(
                    command("connect")
                            .add("id", "a")
                            .add("url", url)
                            .add("forceNew", true)
                            .build());
            assertThat(client.awaitEvent("connect", "a", TIMEOUT).getString("socketId"))
                    .isNotEmpty();

            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "hello")
                            .add(
                                    "args",
                                    Json.createArrayBuilder()
                                            .add(1)
                                            .add("two")
                                            .add(Json.createObjectBuilder().add("three", 3)))
                            .add("ack", true)
                            .add("seq", 7)
                            .build());
            JsonObject ack = client.awaitEvent("ack", "a", TIMEOUT);
            assertThat(ack.getInt("seq")).isEqualTo(7);
            assertThat(ack.getJsonArray("args").toString()).isEqualTo("[1,\"two\",{\"three\":3}]");

            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "echo")
                            .add("args", Json.createArrayBuilder().add("back"))
                            .build());
            JsonObject echoed = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(echoed.getString("name")).isEqualTo("echo");
            assertThat(echoed.getJsonArray("args").getString(0)).isEqualTo("back");

            client.send(command("disconnect").add("id", "a").build());
            assertThat(client.awaitEvent("disconnect", "a", TIMEOUT).getString("reason"))
                    .isEqualTo("io client disconnect");
        }
    }

    @Test
    void socketIoClientCarriesBinaryBothWaysAndAnswersServerAcks() {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "4")) {
            client.send(
                    command("connect")
                            .add("id", "a")
                            .add("url", url)
                            .add("transports", Json.createArrayBuilder().add("websocket"))
                            .build());
            client.awaitEvent("connect", "a", TIMEOUT);

            byte[] image = "not really a png".getBytes(StandardCharsets.UTF_8);
            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "bytes")
                            .add(
                                    "args",
                                    Json.createArrayBuilder()
                                            .add(
                                                    Json.createObjectBuilder()
                                                            .add("nested", bin(image))))
                            .add("ack", true)
                            .build());
            JsonArray acked = client.awaitEvent("ack", "a", TIMEOUT).getJsonArray("args");
            assertThat(NodeJson.bytes(acked.getJsonObject(0).get("nested"))).containsExactly(image);

            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "ask")
                            .add("args", Json.createArrayBuilder().add("ready?"))
                            .build());
            JsonObject question = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(question.getString("name")).isEqualTo("question");
            assertThat(question.getJsonArray("args").getString(0)).isEqualTo("ready?");
            client.send(
                    command("ack")
                            .add("id", "a")
                            .add("ackId", question.getInt("ackId"))
                            .add("args", Json.createArrayBuilder().add("yes"))
                            .build());
            JsonObject answer = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(answer.getString("name")).isEqualTo("answer");
            assertThat(answer.getJsonArray("args").getString(0)).isEqualTo("yes");
        }
    }

    @Test
    void socketIoClientReportsARefusedNamespaceWithMessageAndData() {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "4")) {
            client.send(
                    command("connect")
                            .add("id", "r")
                            .add("url", url)
                            .add("nsp", "/refused")
                            .add("auth", Json.createObjectBuilder().add("token", "nope"))
                            .build());

            JsonObject error = client.awaitEvent("connect_error", "r", TIMEOUT);

            assertThat(error.getString("message")).isEqualTo("unauthorized");
            assertThat(error.getJsonObject("data").getInt("code")).isEqualTo(401);
        }
    }

    /** A loopback port with nothing listening: bound, then released. */
    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
