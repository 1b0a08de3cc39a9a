package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.array;
import static io.jsocketio.it.redis.ClusterFixtures.binaryArg;
import static io.jsocketio.it.redis.ClusterFixtures.command;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.expectEvent;
import static io.jsocketio.it.redis.ClusterFixtures.join;
import static io.jsocketio.it.redis.ClusterFixtures.nextEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A MIXED cluster on one Redis: a jsocketio server and a Node socket.io 4.8.4 server with
 * {@code @socket.io/redis-adapter} 8.3.0 ({@code testkit/node/redis-cluster-server.js}), plus
 * {@code @socket.io/redis-emitter} 5.1.0; npm socket.io-client clients on both servers.
 */
class MixedClusterIT {
    private static RedisServerProcess redis;
    private static JavaNode java;
    private static NodeProcess node;
    private static String nodeUrl;

    private NodeProcess clients;
    private String j1;
    private String n1;

    @BeforeAll
    static void startCluster() {
        redis = RedisServerProcess.start();
        java = JavaNode.start("java", redis.url());
        node = NodeProcess.start("redis-cluster-server.js", redis.url());
        nodeUrl =
                "http://127.0.0.1:"
                        + node.awaitEvent("listening", ClusterFixtures.STARTUP).getInt("port");
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (node != null) node.close();
            if (java != null) java.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    @BeforeEach
    void connectClients() {
        clients = NodeProcess.start("sio-client.js", "4");
        j1 = connect(clients, "j1", java.url());
        n1 = connect(clients, "n1", nodeUrl);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private static JsonObject nodeAnswer(String event) {
        return node.awaitEvent(event, TIMEOUT);
    }

    @Test
    void aJsocketioBroadcastReachesNodeClientsWithItsBinary() {
        java.io().emit("from-java", "t", new byte[] {1, 2, 3});

        String expected = "[\"t\",{\"$bin\":\"AQID\"}]";
        assertThat(expectEvent(clients, "n1", "from-java").toString()).isEqualTo(expected);
        assertThat(expectEvent(clients, "j1", "from-java").toString()).isEqualTo(expected);
    }

    @Test
    void aNodeBroadcastReachesJsocketioClientsWithItsBinary() {
        node.send(
                command("broadcast")
                        .add("event", "from-node")
                        .add("args", Json.createArrayBuilder().add("t").add(binaryArg()))
                        .build());

        String expected = "[\"t\",{\"$bin\":\"AQID\"}]";
        assertThat(expectEvent(clients, "j1", "from-node").toString()).isEqualTo(expected);
        assertThat(expectEvent(clients, "n1", "from-node").toString()).isEqualTo(expected);
    }

    @Test
    void roomAndExceptSelectionsHoldAcrossTheTwoImplementations() {
        join(clients, "j1", "java-room");
        join(clients, "n1", "node-room");

        node.send(
                command("broadcast")
                        .add("event", "to-java-room")
                        .add("rooms", array("java-room"))
                        .build());
        node.send(command("broadcast").add("event", "node-marker").build());
        expectEvent(clients, "j1", "to-java-room");
        expectEvent(clients, "j1", "node-marker");
        expectEvent(clients, "n1", "node-marker");

        java.io().to("node-room").emit("to-node-room");
        java.io().except("node-room").emit("not-node-room");
        java.io().emit("java-marker");
        expectEvent(clients, "j1", "not-node-room");
        expectEvent(clients, "j1", "java-marker");
        expectEvent(clients, "n1", "to-node-room");
        expectEvent(clients, "n1", "java-marker");
    }

    @Test
    void jsocketioFetchSocketsSeesNodeSocketsWithTheirDataRoomsAndHandshake() throws Exception {
        join(clients, "n1", "fetch-room");

        Map<String, RemoteSocket> byId =
                java.io().fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                        .collect(Collectors.toMap(RemoteSocket::id, Function.identity()));

        assertThat(byId).containsKeys(j1, n1);
        RemoteSocket remote = byId.get(n1);
        assertThat(remote.rooms()).contains(n1, "fetch-room");
        assertThat(remote.data(JsonObject.class).orElseThrow().getString("server"))
                .isEqualTo("node");
        assertThat(remote.handshake().url()).startsWith("/socket.io/");
        assertThat(remote.handshake().query()).containsKey("EIO");
        assertThat(remote.handshake().address()).isNotEmpty();
    }

    @Test
    void nodeFetchSocketsSeesJsocketioSocketsWithTheirDataAndRooms() {
        join(clients, "j1", "node-fetch-room");

        node.send(command("fetchSockets").build());
        JsonArray sockets = nodeAnswer("sockets").getJsonArray("sockets");

        Map<String, JsonObject> byId =
                sockets.getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(s -> s.getString("id"), Function.identity()));
        assertThat(byId).containsKeys(j1, n1);
        JsonObject remote = byId.get(j1);
        assertThat(remote.getJsonObject("data").getString("server")).isEqualTo("java");
        assertThat(remote.getJsonArray("rooms").getValuesAs(JsonValue::toString))
                .contains("\"" + j1 + "\"", "\"node-fetch-room\"");
        assertThat(remote.getString("url")).startsWith("/socket.io/");
    }

    @Test
    void nodeAllRoomsIncludesTheRoomsOfTheJsocketioServer() {
        join(clients, "j1", "listed-room");

        node.send(command("allRooms").build());

        assertThat(nodeAnswer("allRooms").getJsonArray("rooms").getValuesAs(JsonValue::toString))
                .contains("\"listed-room\"", "\"" + j1 + "\"", "\"" + n1 + "\"");
    }

    @Test
    void serverSideEmitsGoBothWaysWithAndWithoutAcknowledgements() throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        java.io().onServerSideEmit("hello", (args, ack) -> hello.complete(args.getString(0)));

        List<Args> pongs =
                java.io()
                        .serverSideEmitWithAck("ping")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
        assertThat(pongs).extracting(r -> r.getString(0)).containsExactly("pong-node");

        node.send(command("serverSideEmit").add("event", "ping").add("ack", true).build());
        JsonObject answer = nodeAnswer("serverSideEmitAck");
        assertThat(answer.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(answer.getJsonArray("responses").toString()).isEqualTo("[\"pong-java\"]");

        node.send(
                command("serverSideEmit")
                        .add("event", "hello")
                        .add("args", array("from node"))
                        .build());
        assertThat(hello.get(10, TimeUnit.SECONDS)).isEqualTo("from node");

        java.io().serverSideEmit("hello", "from java");
        JsonObject received =
                node.await(
                        line ->
                                "serverSideEmit".equals(line.getString("event", null))
                                        && "hello".equals(line.getString("event", null)) == false
                                        && line.getJsonArray("args")
                                                .toString()
                                                .contains("from java"),
                        TIMEOUT);
        assertThat(received.getJsonArray("args").toString()).isEqualTo("[\"from java\"]");
    }

    @Test
    void broadcastAcknowledgementsAreCountedAcrossJavaAndNodeServers() throws Exception {
        CompletableFuture<List<Args>> fromJava =
                java.io().timeout(TIMEOUT).emitWithAck("ask", 1).toCompletableFuture();
        answer("j1", "ask", "j");
        answer("n1", "ask", "n");
        assertThat(fromJava.get(10, TimeUnit.SECONDS))
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("j", "n");

        node.send(
                command("broadcastAck")
                        .add("event", "ask-node")
                        .add("timeout", 5000)
                        .add("args", Json.createArrayBuilder().add(binaryArg()))
                        .build());
        answer("j1", "ask-node", "j2");
        answer("n1", "ask-node", "n2");
        JsonObject answer = nodeAnswer("broadcastAck");
        assertThat(answer.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(answer.getJsonArray("responses").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"j2\"", "\"n2\"");
    }

    private void answer(String id, String event, String value) {
        JsonObject received = nextEvent(clients, id);
        assertThat(received.getString("name")).isEqualTo(event);
        clients.send(
                command("ack")
                        .add("id", id)
                        .add("ackId", received.getInt("ackId"))
                        .add("args", array(value))
                        .build());
    }

    @Test
    void socketsJoinLeaveAndDisconnectSocketsFromEitherSideActOnTheOther() {
        node.send(command("socketsJoin").add("room", "joined-by-node").build());
        node.send(
                command("broadcast")
                        .add("event", "node-joined")
                        .add("rooms", array("joined-by-node"))
                        .build());
        expectEvent(clients, "j1", "node-joined");
        // (n1 may miss it: the Node adapter joins its own sockets only when its request comes
        // back from Redis, after its local broadcast)

        java.io().socketsJoin("joined-by-java");
        java.io().to("joined-by-java").emit("java-joined");
        clients.await(
                NodeProcess.event("event", "n1")
                        .and(line -> "java-joined".equals(line.getString("name"))),
                TIMEOUT);
        expectEvent(clients, "j1", "java-joined");

        node.send(command("socketsLeave").add("room", "joined-by-node").build());
        node.send(
                command("broadcast")
                        .add("event", "after-node-leave")
                        .add("rooms", array("joined-by-node"))
                        .build());
        node.send(command("broadcast").add("event", "node-marker").build());
        java.io().socketsLeave("joined-by-java");
        java.io().to("joined-by-java").emit("after-java-leave");
        java.io().emit("java-marker");
        for (String id : List.of("j1", "n1")) {
            for (String marker : List.of("node-marker", "java-marker")) {
                clients.await(
                        NodeProcess.event("event", id)
                                .and(line -> marker.equals(line.getString("name"))),
                        TIMEOUT);
            }
        }
        assertThat(clients.lines())
                .as("j1 left the room joined by Node, n1 the room joined by jsocketio")
                .noneMatch(
                        line ->
                                "j1".equals(line.getString("id", null))
                                                && "after-node-leave"
                                                        .equals(line.getString("name", null))
                                        || "n1".equals(line.getString("id", null))
                                                && "after-java-leave"
                                                        .equals(line.getString("name", null)));

        node.send(command("disconnectSockets").add("rooms", array(j1)).build());
        assertThat(clients.awaitEvent("disconnect", "j1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
        java.io().in(n1).disconnectSockets(true);
        assertThat(clients.awaitEvent("disconnect", "n1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
    }

    @Test
    void messagesOfTheRedisEmitterReachJsocketioClients() {
        join(clients, "j1", "emitter-room");

        node.send(
                command("emitter")
                        .add("event", "from-emitter")
                        .add("args", Json.createArrayBuilder().add("e").add(binaryArg()))
                        .build());
        node.send(
                command("emitter")
                        .add("event", "emitter-room-news")
                        .add("rooms", array("emitter-room"))
                        .build());
        node.send(command("emitter").add("event", "marker").build());

        String expected = "[\"e\",{\"$bin\":\"AQID\"}]";
        assertThat(expectEvent(clients, "j1", "from-emitter").toString()).isEqualTo(expected);
        expectEvent(clients, "j1", "emitter-room-news");
        expectEvent(clients, "j1", "marker");
        assertThat(expectEvent(clients, "n1", "from-emitter").toString()).isEqualTo(expected);
        expectEvent(clients, "n1", "marker");
    }

    @Test
    void theRedisEmitterCanMakeJsocketioSocketsJoinAndEmitToJsocketioServers() throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        java.io().onServerSideEmit("hello", (args, ack) -> hello.complete(args.getString(0)));

        node.send(
                command("emitterJoin")
                        .add("rooms", array(j1))
                        .add("room", "joined-by-emitter")
                        .build());
        node.send(
                command("emitter")
                        .add("event", "emitter-joined")
                        .add("rooms", array("joined-by-emitter"))
                        .build());
        node.send(
                command("emitterServerSideEmit")
                        .add("event", "hello")
                        .add("args", array("from emitter"))
                        .build());

        expectEvent(clients, "j1", "emitter-joined");
        assertThat(hello.get(10, TimeUnit.SECONDS)).isEqualTo("from emitter");
    }

    @Test
    void eachNamespaceHasItsOwnChannels() {
        java.io().of("/chat");
        clients.send(
                command("connect")
                        .add("id", "jchat")
                        .add("url", java.url())
                        .add("nsp", "/chat")
                        .add("transports", array("websocket"))
                        .build());
        clients.awaitEvent("connect", "jchat", TIMEOUT);
        clients.send(
                command("connect")
                        .add("id", "nchat")
                        .add("url", nodeUrl)
                        .add("nsp", "/chat")
                        .add("transports", array("websocket"))
                        .build());
        clients.awaitEvent("connect", "nchat", TIMEOUT);

        node.send(command("broadcast").add("nsp", "/chat").add("event", "chat-from-node").build());
        java.io().of("/chat").emit("chat-from-java");
        node.send(command("broadcast").add("event", "main-marker").build());

        for (String id : List.of("jchat", "nchat")) {
            for (String name : List.of("chat-from-node", "chat-from-java")) {
                clients.await(
                        NodeProcess.event("event", id)
                                .and(line -> name.equals(line.getString("name"))),
                        TIMEOUT);
            }
        }
        // the main namespace's broadcast reaches the main-namespace clients only
        expectEvent(clients, "j1", "main-marker");
        expectEvent(clients, "n1", "main-marker");
        assertThat(clients.lines())
                .filteredOn(line -> "main-marker".equals(line.getString("name", null)))
                .extracting(line -> line.getString("id"))
                .containsExactlyInAnyOrder("j1", "n1");
    }
}
