package io.jsocketio.it.eio3;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.testkit.NodeJson;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official socket.io-client 2.5.0 (Engine.IO v3, Socket.IO protocol v4) against a server with
 * {@code allowEIO3}, over polling only, WebSocket only, and polling upgraded to WebSocket.
 */
class SocketIoV2ClientIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static Server io;
    private static String url;

    @BeforeAll
    static void start() {
        io = Eio3App.start(true);
        url = "http://127.0.0.1:" + Eio3App.port(io);
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("polling", List.of("polling"), "polling"),
                Arguments.of("websocket", List.of("websocket"), "websocket"),
                Arguments.of("upgrade", List.of("polling", "websocket"), "websocket"));
    }

    private static void connect(
            NodeProcess client, String id, String nsp, List<String> transports, JsonObject query) {
        JsonArray t = Json.createArrayBuilder(transports).build();
        client.send(
                command("connect")
                        .add("id", id)
                        .add("url", url)
                        .add("nsp", nsp)
                        .add("transports", t)
                        .add("query", query)
                        .add("forceNew", true)
                        .build());
    }

    private static void connect(NodeProcess client, String id, List<String> transports) {
        connect(client, id, "/", transports, JsonValue.EMPTY_JSON_OBJECT);
    }

    private static JsonObject emitWithAck(
            NodeProcess client, String id, int seq, String event, JsonValue... args) {
        client.send(
                command("emit")
                        .add("id", id)
                        .add("event", event)
                        .add("args", Json.createArrayBuilder(List.of(args)))
                        .add("ack", true)
                        .add("seq", seq)
                        .build());
        return client.await(
                "ack " + seq + " of " + id,
                l ->
                        "ack".equals(l.getString("event"))
                                && id.equals(l.getString("id"))
                                && l.getInt("seq") == seq,
                TIMEOUT);
    }

    /** Asks the server for the session's transport until it is {@code expected}. */
    private static void awaitTransport(NodeProcess client, String id, String expected) {
        JsonObject who = null;
        for (int seq = 1000; seq < 1200; seq++) {
            who = emitWithAck(client, id, seq, "whoami").getJsonArray("args").getJsonObject(0);
            assertThat(who.getInt("protocol")).isEqualTo(3);
            if (who.getString("transport").equals(expected)) {
                return;
            }
        }
        throw new AssertionError("still " + who + ", expected " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void connectsEmitsAcksAndEchoesBinary(
            String mode, List<String> transports, String finalTransport) {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "2")) {
            connect(client, "a", transports);
            String socketId = client.awaitEvent("connect", "a", TIMEOUT).getString("socketId");
            assertThat(socketId).isNotEmpty();
            awaitTransport(client, "a", finalTransport);

            // event without ack: the server emits it back
            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "echo")
                            .add(
                                    "args",
                                    Json.createArrayBuilder()
                                            .add(
                                                    Json.createObjectBuilder()
                                                            .add("héllo", "wörld €")))
                            .build());
            JsonObject echoed = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(echoed.getString("name")).isEqualTo("echo");
            assertThat(echoed.getJsonArray("args").getJsonObject(0).getString("héllo"))
                    .isEqualTo("wörld €");

            // ack with a JSON value
            JsonObject ack = emitWithAck(client, "a", 1, "echo", Json.createValue(42));
            assertThat(ack.getJsonArray("args").getInt(0)).isEqualTo(42);

            // binary there and back, in an ack and in an event
            byte[] bytes = {0, 1, 2, (byte) 255, 4};
            JsonObject binAck = emitWithAck(client, "a", 2, "echo", NodeJson.bin(bytes));
            assertThat(NodeJson.bytes(binAck.getJsonArray("args").get(0))).containsExactly(bytes);
            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "echo")
                            .add("args", Json.createArrayBuilder().add(NodeJson.bin(bytes)))
                            .build());
            JsonObject binEvent = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(NodeJson.bytes(binEvent.getJsonArray("args").get(0))).containsExactly(bytes);

            client.send(command("disconnect").add("id", "a").build());
            assertThat(client.awaitEvent("disconnect", "a", TIMEOUT).getString("reason"))
                    .isEqualTo("io client disconnect");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void roomsReceiveBroadcasts(String mode, List<String> transports, String finalTransport) {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "2")) {
            connect(client, "a", transports);
            connect(client, "b", transports);
            client.awaitEvent("connect", "a", TIMEOUT);
            client.awaitEvent("connect", "b", TIMEOUT);
            client.send(
                    command("emit")
                            .add("id", "a")
                            .add("event", "join")
                            .add("args", Json.createArrayBuilder().add("r1"))
                            .build());
            // an ack round trip after the join: it has been handled
            emitWithAck(client, "a", 1, "echo", JsonValue.NULL);
            client.send(
                    command("emit")
                            .add("id", "b")
                            .add("event", "bcast")
                            .add("args", Json.createArrayBuilder().add("r1").add("to r1"))
                            .build());
            JsonObject got = client.awaitEvent("event", "a", TIMEOUT);
            assertThat(got.getString("name")).isEqualTo("bcast");
            assertThat(got.getJsonArray("args").getString(0)).isEqualTo("to r1");
            // b is not in r1: its next event is the echo of its own probe, not the broadcast
            client.send(
                    command("emit")
                            .add("id", "b")
                            .add("event", "echo")
                            .add("args", Json.createArrayBuilder().add("probe"))
                            .build());
            JsonObject next = client.awaitEvent("event", "b", TIMEOUT);
            assertThat(next.getString("name")).isEqualTo("echo");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void middlewareErrorsAndUnknownNamespacesArriveAsErrors(
            String mode, List<String> transports, String finalTransport) {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "2")) {
            connect(
                    client,
                    "bad",
                    "/secure",
                    transports,
                    Json.createObjectBuilder().add("token", "nope").build());
            assertThat(client.awaitEvent("connect_error", "bad", TIMEOUT).getString("message"))
                    .isEqualTo("unauthorized");

            connect(client, "data", "/secure-data", transports, JsonValue.EMPTY_JSON_OBJECT);
            JsonObject withData = client.awaitEvent("connect_error", "data", TIMEOUT);
            assertThat(withData.getJsonObject("data").getInt("code")).isEqualTo(401);

            connect(client, "nope", "/nope", transports, JsonValue.EMPTY_JSON_OBJECT);
            assertThat(client.awaitEvent("connect_error", "nope", TIMEOUT).getString("message"))
                    .isEqualTo("Invalid namespace");

            connect(
                    client,
                    "good",
                    "/secure",
                    transports,
                    Json.createObjectBuilder().add("token", "let-me-in").build());
            client.awaitEvent("connect", "good", TIMEOUT);
            JsonObject welcome = client.awaitEvent("event", "good", TIMEOUT);
            assertThat(welcome.getString("name")).isEqualTo("welcome");
            assertThat(welcome.getJsonArray("args").getString(0)).isEqualTo("/secure");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void dynamicNamespacesAndNamespaceQueries(
            String mode, List<String> transports, String finalTransport) {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "2")) {
            connect(client, "d", "/dynamic-42", transports, JsonValue.EMPTY_JSON_OBJECT);
            assertThat(client.awaitEvent("connect", "d", TIMEOUT).getString("socketId"))
                    .startsWith("/dynamic-42#");
            JsonObject welcome = client.awaitEvent("event", "d", TIMEOUT);
            assertThat(welcome.getJsonArray("args").getString(0)).isEqualTo("/dynamic-42");

            connect(
                    client,
                    "q",
                    "/query",
                    transports,
                    Json.createObjectBuilder().add("token", "t1").build());
            JsonObject q = client.awaitEvent("event", "q", TIMEOUT);
            assertThat(q.getString("name")).isEqualTo("query");
            assertThat(q.getJsonArray("args").getString(0)).isEqualTo("t1");
            assertThat(q.getJsonArray("args").getString(1)).isEqualTo("t1");
        }
    }
}
