package io.jsocketio.it;

import static io.jsocketio.it.NodeSio.args;
import static io.jsocketio.testkit.NodeJson.bin;
import static io.jsocketio.testkit.NodeJson.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jsocketio.AckTimeoutException;
import io.jsocketio.Args;
import io.jsocketio.Socket;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acks both ways (with timeouts), binary values nested anywhere, and the catch-all listeners, with
 * the official npm socket.io-client 4.8.x over polling, WebSocket and the upgrade.
 */
class SocketIoEventsIT extends WithNodeClients {

    private static final byte[] PNG = "\u0089PNG not really".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] MORE = {0, (byte) 0xff, 42};

    @ParameterizedTest
    @EnumSource(Transports.class)
    void clientAcksAreAnsweredWithTheServersArgumentsInOrder(Transports transports)
            throws Exception {
        server = It.server();
        server.onConnection(
                socket -> {
                    socket.on(
                            "sum",
                            (args, ack) -> {
                                assertThat(ack.requested()).isTrue();
                                ack.send(
                                        args.get(0, Integer.class) + args.get(1, Integer.class),
                                        "ok",
                                        Map.of("n", args.size()));
                            });
                    socket.on("silent", (args, ack) -> {});
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("ack");
        connect(id, transports);

        JsonObject first = clients.emitWithAck(id, "sum", args(2, 3), null);
        JsonObject second = clients.emitWithAck(id, "sum", args(40, 2), null);

        assertThat(first.getJsonArray("args")).hasToString("[5,\"ok\",{\"n\":2}]");
        assertThat(second.getJsonArray("args")).hasToString("[42,\"ok\",{\"n\":2}]");
        JsonObject timedOut = clients.emitWithAck(id, "silent", args(), 200);
        assertThat(timedOut.getString("error")).isEqualTo("operation has timed out");
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void serverAcksCompleteFromTheClientsAnswerOrTimeOut(Transports transports) throws Exception {
        server = It.server();
        server.onConnection(connections);
        String id = NodeSio.id("sack");
        Socket socket = connect(id, transports);

        // emitWithAck: answered
        CompletionStage<Args> answer = socket.emitWithAck("question", "ready?", 1);
        JsonObject question = clients.event(id, "question");
        assertThat(question.getJsonArray("args")).hasToString("[\"ready?\",1]");
        clients.ack(id, question.getInt("ackId"), args("yes", 42));
        Args answered = It.get(answer);
        assertThat(answered.getString(0)).isEqualTo("yes");
        assertThat(answered.get(1, Integer.class)).isEqualTo(42);

        // emit with an ack callback: answered
        CompletableFuture<Args> callback = new CompletableFuture<>();
        socket.emit(
                "call",
                (error, args) -> {
                    if (error != null) {
                        callback.completeExceptionally(error);
                    } else {
                        callback.complete(args);
                    }
                },
                "me");
        JsonObject call = clients.event(id, "call");
        clients.ack(
                id,
                call.getInt("ackId"),
                args(Json.createObjectBuilder().add("back", true).build()));
        assertThat(It.get(callback).json(0).toString()).isEqualTo("{\"back\":true}");

        // timeout(d) with a client that never acks: the callback gets AckTimeoutException
        CompletableFuture<Exception> timedOut = new CompletableFuture<>();
        socket.timeout(Duration.ofMillis(200))
                .emit("never", (error, args) -> timedOut.complete(error), "x");
        assertThat(clients.event(id, "never").containsKey("ackId")).isTrue();
        assertThat(It.get(timedOut)).isInstanceOf(AckTimeoutException.class);

        // and emitWithAck fails with it
        CompletionStage<Args> stage =
                socket.timeout(Duration.ofMillis(200)).emitWithAck("never", 2);
        clients.event(id, "never");
        Throwable thrown = catchThrowable(() -> It.get(stage));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause())
                .isInstanceOf(AckTimeoutException.class)
                .hasMessage("operation has timed out");
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void broadcastAcksCollectOneResponsePerClientOrTimeOutWithThoseReceived(Transports transports)
            throws Exception {
        server = It.server();
        server.onConnection(connections);
        String a = NodeSio.id("back");
        String b = NodeSio.id("back");
        connect(a, transports);
        connect(b, transports);

        CompletionStage<List<Args>> all =
                server.timeout(Duration.ofSeconds(10)).emitWithAck("vote");
        for (String id : List.of(a, b)) {
            clients.ack(id, clients.event(id, "vote").getInt("ackId"), args(id));
        }
        assertThat(It.get(all))
                .extracting(args -> args.getString(0))
                .containsExactlyInAnyOrder(a, b);

        CompletableFuture<Exception> error = new CompletableFuture<>();
        List<Args> partial = Collections.synchronizedList(new ArrayList<>());
        server.timeout(Duration.ofMillis(300))
                .emit(
                        "vote",
                        (e, responses) -> {
                            partial.addAll(responses);
                            error.complete(e);
                        });
        clients.ack(a, clients.event(a, "vote").getInt("ackId"), args("only a"));
        clients.event(b, "vote"); // b never answers
        assertThat(It.get(error)).isInstanceOf(AckTimeoutException.class);
        assertThat(partial).extracting(args -> args.getString(0)).containsExactly("only a");
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void binaryNestedInObjectsAndArraysTravelsBothWays(Transports transports) throws Exception {
        server = It.server();
        BlockingQueue<Map<?, ?>> received = new LinkedBlockingQueue<>();
        server.onConnection(
                socket -> {
                    socket.on(
                            "upload",
                            (args, ack) -> {
                                received.add(args.get(0, Map.class));
                                Map<String, Object> reply = new LinkedHashMap<>();
                                reply.put("echo", args.binary(1));
                                reply.put("list", List.of(1, MORE));
                                ack.send(reply);
                            });
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("bin");
        Socket socket = connect(id, transports);

        JsonObject upload =
                Json.createObjectBuilder()
                        .add("name", "photo")
                        .add("file", bin(PNG))
                        .add("parts", Json.createArrayBuilder().add(bin(MORE)).add("text"))
                        .build();
        JsonArray ack =
                clients.emitWithAck(id, "upload", args(upload, bin(MORE)), null)
                        .getJsonArray("args");

        Map<?, ?> map = It.take(received);
        assertThat(map.get("name")).isEqualTo("photo");
        assertThat((byte[]) map.get("file")).containsExactly(PNG);
        List<?> parts = (List<?>) map.get("parts");
        assertThat((byte[]) parts.get(0)).containsExactly(MORE);
        assertThat(parts.get(1)).isEqualTo("text");
        assertThat(bytes(ack.getJsonObject(0).get("echo"))).containsExactly(MORE);
        assertThat(ack.getJsonObject(0).getJsonArray("list").getInt(0)).isEqualTo(1);
        assertThat(bytes(ack.getJsonObject(0).getJsonArray("list").get(1))).containsExactly(MORE);

        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("id", 7);
        nested.put("blobs", List.of(PNG, Map.of("deep", MORE)));
        socket.emit("download", PNG, nested, "plain");
        JsonArray event = clients.event(id, "download").getJsonArray("args");
        assertThat(bytes(event.get(0))).containsExactly(PNG);
        assertThat(event.getJsonObject(1).getInt("id")).isEqualTo(7);
        JsonArray blobs = event.getJsonObject(1).getJsonArray("blobs");
        assertThat(bytes(blobs.get(0))).containsExactly(PNG);
        assertThat(bytes(blobs.getJsonObject(1).get("deep"))).containsExactly(MORE);
        assertThat(event.getString(2)).isEqualTo("plain");
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void catchAllListenersSeeIncomingAndOutgoingEventsInOrder(Transports transports)
            throws Exception {
        server = It.server();
        BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
        BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
        server.onConnection(
                socket -> {
                    socket.onAny((event, args) -> incoming.add(event + args.toList()));
                    socket.onAnyOutgoing((event, args) -> outgoing.add(event + args.toList()));
                    socket.on("hello", (args, ack) -> socket.emit("welcome", args.getString(0)));
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("any");
        connect(id, transports);

        clients.emit(id, "first", args(1));
        clients.emit(id, "hello", args("bob"));
        clients.emit(id, "third", args("x", true));

        assertThat(It.take(incoming)).isEqualTo("first[1]");
        assertThat(It.take(incoming)).isEqualTo("hello[bob]");
        assertThat(It.take(incoming)).isEqualTo("third[x, true]");
        assertThat(It.take(outgoing)).isEqualTo("welcome[bob]");
        assertThat(clients.event(id).getString("name")).isEqualTo("welcome");
    }

    /** A typed payload read through JSON-B. */
    public record Chat(String user, String text, int n) {}

    @ParameterizedTest
    @EnumSource(Transports.class)
    void sendCompressAndTypedArgumentsWork(Transports transports) throws Exception {
        server = It.server();
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        server.onConnection(
                socket -> {
                    socket.on("chat", (args, ack) -> received.add(args.get(0, Chat.class)));
                    socket.on("message", (args, ack) -> received.add(args.toList()));
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("typed");
        Socket socket = connect(id, transports);

        clients.emit(
                id,
                "chat",
                args(
                        Json.createObjectBuilder()
                                .add("user", "bob")
                                .add("text", "hi")
                                .add("n", 3)
                                .build()));
        clients.emit(id, "message", args("sent", 2));
        assertThat(It.take(received)).isEqualTo(new Chat("bob", "hi", 3));
        assertThat(It.take(received)).isEqualTo(List.of("sent", 2));

        socket.send("hello", 1);
        socket.compress(false).emit("uncompressed", new Chat("srv", "typed out", 9));
        assertThat(clients.event(id).toString())
                .contains("\"name\":\"message\"", "\"args\":[\"hello\",1]");
        JsonObject typed = clients.event(id, "uncompressed").getJsonArray("args").getJsonObject(0);
        assertThat(typed.getString("user")).isEqualTo("srv");
        assertThat(typed.getString("text")).isEqualTo("typed out");
        assertThat(typed.getInt("n")).isEqualTo(9);
    }
}
