package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.RemoteSocket;
import io.jsocketio.ServerOptions;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.streams.RedisStreamsAdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A MIXED Redis Streams cluster on one real redis-server: two jsocketio servers with the streams
 * adapter and a Node socket.io 4.8.4 server with {@code @socket.io/redis-streams-adapter} 0.3.1
 * ({@code testkit/node/redis-streams-server.js}), all with connection state recovery on. Clients
 * are npm socket.io-client 4.8.4 over WebSocket. A client that drops from one server and comes back
 * through another (its next reconnection sent elsewhere, as a load balancer may) recovers its id,
 * rooms and the packets broadcast meanwhile, Node to Java and Java to Node.
 */
class StreamsClusterIT {
    private static final int MISSED = 20;
    private static final String WITNESS = "witness";

    private static RedisServerProcess redis;
    private static JavaNode j1;
    private static JavaNode j2;
    private static NodeProcess node;
    private static String nodeUrl;

    private NodeProcess clients;

    /** A jsocketio server with the streams adapter and recovery on. */
    private static JavaNode start(String name) {
        JavaNode java =
                JavaNode.start(
                        name,
                        RedisStreamsAdapterFactory.connect(redis.url()),
                        ServerOptions.Builder::connectionStateRecovery);
        java.io()
                .onConnection(
                        socket -> {
                            socket.on(
                                    "whoami",
                                    (args, ack) ->
                                            ack.send(
                                                    Map.of(
                                                            "id",
                                                            socket.id(),
                                                            "recovered",
                                                            socket.recovered(),
                                                            "server",
                                                            name)));
                            socket.on("drop", (args, ack) -> socket.conn().close());
                        });
        return java;
    }

    @BeforeAll
    static void startCluster() {
        redis = RedisServerProcess.start();
        j1 = start("j1");
        j2 = start("j2");
        node = NodeProcess.start("redis-streams-server.js", redis.url());
        nodeUrl = "http://127.0.0.1:" + node.awaitEvent("listening", TIMEOUT).getInt("port");
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (node != null) node.close();
            if (j1 != null) j1.close();
            if (j2 != null) j2.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    @BeforeEach
    void startClients() {
        clients = NodeProcess.start("sio-client.js", "4");
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private JsonObject connect(String id, String url) {
        clients.send(
                command("connect")
                        .add("id", id)
                        .add("url", url)
                        .add("forceNew", true)
                        .add("reconnection", true)
                        .add("reconnectionDelay", 300)
                        .add("transports", Json.createArrayBuilder().add("websocket"))
                        .build());
        return clients.awaitEvent("connect", id, TIMEOUT);
    }

    private JsonArray ack(String id, String event, JsonArray args) {
        clients.send(
                command("emit")
                        .add("id", id)
                        .add("event", event)
                        .add("args", args)
                        .add("ack", true)
                        .build());
        return clients.awaitEvent("ack", id, TIMEOUT).getJsonArray("args");
    }

    private JsonObject nextEvent(String id) {
        return clients.awaitEvent("event", id, TIMEOUT);
    }

    private static void nodeBroadcast(String room, String event, int value) {
        node.send(
                command("broadcast")
                        .add("event", event)
                        .add("args", Json.createArrayBuilder().add(value))
                        .add("rooms", Json.createArrayBuilder().add(room))
                        .build());
    }

    /** Broadcasts to room {@code r}: from j2 when {@code fromJava}, else from the Node server. */
    private static void broadcast(boolean fromJava, String event, int value) {
        if (fromJava) {
            j2.io().to("r").emit(event, value);
        } else {
            nodeBroadcast("r", event, value);
        }
    }

    /**
     * The client is dropped by its server and comes back through {@code to}; {@link #MISSED} events
     * are broadcast to its room meanwhile (its reconnection held until a witness client in that
     * room got them all, so they are all in the stream); it must come back recovered with all of
     * them, in order, then a newer one.
     */
    private void hop(String id, String socketId, String to, boolean javaBroadcasts, int round) {
        clients.send(command("setUrl").add("id", id).add("url", to).build());
        clients.send(command("reconnection").add("id", id).add("on", false).build());
        clients.send(
                command("emit")
                        .add("id", id)
                        .add("event", "drop")
                        .add("args", Json.createArrayBuilder())
                        .build());
        clients.awaitEvent("disconnect", id, TIMEOUT);
        for (int i = 0; i < MISSED; i++) {
            broadcast(javaBroadcasts, "n", round * 1000 + i);
        }
        for (int i = 0; i < MISSED; i++) {
            assertThat(nextEvent(WITNESS).getJsonArray("args").getInt(0))
                    .isEqualTo(round * 1000 + i);
        }
        clients.send(command("reconnection").add("id", id).add("on", true).build());

        JsonObject again = clients.awaitEvent("connect", id, TIMEOUT);
        assertThat(again.getBoolean("recovered")).as("recovered on " + to).isTrue();
        assertThat(again.getString("socketId")).isEqualTo(socketId);
        JsonObject who = ack(id, "whoami", Json.createArrayBuilder().build()).getJsonObject(0);
        assertThat(who.getString("id")).isEqualTo(socketId);
        assertThat(who.getBoolean("recovered")).isTrue();

        broadcast(!javaBroadcasts, "newer", round);
        for (int i = 0; i < MISSED; i++) {
            JsonObject event = nextEvent(id);
            assertThat(event.getString("name")).as(event.toString()).isEqualTo("n");
            assertThat(event.getJsonArray("args").getInt(0)).isEqualTo(round * 1000 + i);
        }
        JsonObject newer = nextEvent(id);
        assertThat(newer.getString("name")).as(newer.toString()).isEqualTo("newer");
        assertThat(newer.getJsonArray("args").getInt(0)).isEqualTo(round);
        assertThat(nextEvent(WITNESS).getString("name")).isEqualTo("newer");
    }

    @Test
    void aClientMovesBetweenNodeAndJavaServersAndRecoversEachTime() throws Exception {
        connect(WITNESS, j2.url());
        ack(WITNESS, "join", Json.createArrayBuilder().add("r").build());
        String id = "mover";
        String socketId = connect(id, nodeUrl).getString("socketId");
        assertThat(ack(id, "join", Json.createArrayBuilder().add("r").build()).getString(0))
                .isEqualTo("joined");
        broadcast(true, "hello", 0); // the client's first offset, a stream entry id
        assertThat(nextEvent(id).getString("name")).isEqualTo("hello");
        assertThat(nextEvent(WITNESS).getString("name")).isEqualTo("hello");

        hop(id, socketId, j1.url(), true, 1); // Node -> Java, Java broadcasts meanwhile
        List<RemoteSocket> inRoom =
                j2.io().in("r").fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(inRoom).extracting(RemoteSocket::id).contains(socketId).hasSize(2);
        hop(id, socketId, nodeUrl, false, 2); // Java -> Node, Node broadcasts meanwhile
        hop(id, socketId, j2.url(), true, 3); // Node -> Java
        hop(id, socketId, j1.url(), false, 4); // Java -> Java
    }

    @Test
    void broadcastsRequestsAndServerSideEventsCrossTheCluster() throws Exception {
        connect("a", j1.url());
        connect("b", nodeUrl);
        ack("a", "join", Json.createArrayBuilder().add("room2").build());
        ack("b", "join", Json.createArrayBuilder().add("room2").build());

        j2.io().to("room2").emit("fromJava", 1);
        nodeBroadcast("room2", "fromNode", 2);
        // two origins: no order between them (b's server delivers its own broadcast at once, the
        // Java one only after it went through the stream)
        for (String id : List.of("a", "b")) {
            assertThat(List.of(nextEvent(id).getString("name"), nextEvent(id).getString("name")))
                    .containsExactlyInAnyOrder("fromJava", "fromNode");
        }

        List<RemoteSocket> sockets =
                j2.io().in("room2").fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(sockets).hasSize(2);
        var acks =
                j1.io()
                        .serverSideEmitWithAck("ping")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
        assertThat(acks)
                .extracting(a -> a.getString(0))
                .containsExactlyInAnyOrder("pong-j2", "pong-node");

        node.send(
                command("fetchSockets")
                        .add("rooms", Json.createArrayBuilder().add("room2"))
                        .build());
        assertThat(node.awaitEvent("sockets", TIMEOUT).getJsonArray("sockets")).hasSize(2);
    }
}
