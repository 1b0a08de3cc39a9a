package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.array;
import static io.jsocketio.it.redis.ClusterFixtures.binaryArg;
import static io.jsocketio.it.redis.ClusterFixtures.command;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.join;
import static io.jsocketio.it.redis.ClusterFixtures.named;
import static io.jsocketio.it.redis.ClusterFixtures.nextEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.RedisShardedAdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Two jsocketio servers and a Node socket.io 4.8.4 server with {@code createShardedAdapter} of
 * {@code @socket.io/redis-adapter} 8.3.0 on a {@code redis} 4.7.1 cluster client ({@code
 * testkit/node/redis-cluster-server.js --sharded-cluster}), all on one real Redis Cluster of three
 * masters and three replicas; npm socket.io-client clients on each server.
 */
class ShardedClusterIT {
    private static RedisClusterProcess redis;
    private static JavaNode ja;
    private static JavaNode jb;
    private static NodeProcess node;
    private static String nodeUrl;

    /** Three rooms whose channels live on three different masters. */
    private static List<String> rooms;

    private NodeProcess clients;
    private String a1;
    private String b1;
    private String n1;

    @BeforeAll
    static void startCluster() {
        redis = RedisClusterProcess.start();
        ja = JavaNode.start("ja", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        jb = JavaNode.start("jb", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        node =
                NodeProcess.start(
                        "redis-cluster-server.js",
                        "--sharded-cluster",
                        String.join(",", redis.seeds()));
        nodeUrl =
                "http://127.0.0.1:"
                        + node.awaitEvent("listening", ClusterFixtures.STARTUP).getInt("port");
        // every server subscribed to the main namespace's channel
        redis.awaitShardSubscribers("socket.io#/#", 3);
        rooms = roomsOnDistinctMasters();
    }

    private static List<String> roomsOnDistinctMasters() {
        List<String> chosen = new ArrayList<>();
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; chosen.size() < 3; i++) {
            String room = "room-" + i;
            if (masters.add(redis.masterPortFor("socket.io#/#" + room + "#"))) {
                chosen.add(room);
            }
        }
        return chosen;
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (node != null) node.close();
            if (ja != null) ja.close();
            if (jb != null) jb.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    @BeforeEach
    void connectClients() {
        clients = NodeProcess.start("sio-client.js", "4");
        a1 = connect(clients, "a1", ja.url());
        b1 = connect(clients, "b1", jb.url());
        n1 = connect(clients, "n1", nodeUrl);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private void awaitEvent(String id, String name) {
        clients.await(named(id, name), TIMEOUT);
    }

    private void assertNever(String id, String name) {
        assertThat(clients.lines())
                .as("%s never got %s", id, name)
                .noneMatch(
                        line ->
                                id.equals(line.getString("id", null))
                                        && name.equals(line.getString("name", null)));
    }

    @Test
    void theServersCountEachOtherThroughShardNumsub() throws Exception {
        assertThat(
                        ja.io()
                                .of("/")
                                .adapter()
                                .serverCount()
                                .toCompletableFuture()
                                .get(10, TimeUnit.SECONDS))
                .isEqualTo(3);
        node.send(command("serverCount").build());
        assertThat(node.awaitEvent("serverCount", TIMEOUT).getInt("count")).isEqualTo(3);
    }

    @Test
    void broadcastsToAllReachEveryServerWithTheirBinary() {
        ja.io().emit("from-java", "t", new byte[] {1, 2, 3});
        node.send(
                command("broadcast")
                        .add("event", "from-node")
                        .add("args", Json.createArrayBuilder().add("t").add(binaryArg()))
                        .build());

        // (two servers' broadcasts keep no order between them)
        String expected = "[\"t\",{\"$bin\":\"AQID\"}]";
        for (String id : List.of("a1", "b1", "n1")) {
            for (String name : List.of("from-java", "from-node")) {
                JsonObject event = clients.await(named(id, name), TIMEOUT);
                assertThat(event.getJsonArray("args").toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void roomsOnDifferentMastersAndExceptHoldAcrossJavaAndNode() {
        String r1 = rooms.get(0);
        String r2 = rooms.get(1);
        String r3 = rooms.get(2);
        join(clients, "a1", r1);
        join(clients, "b1", r2);
        join(clients, "n1", r3);
        // dynamic mode: each server subscribes to the channel of each room it has
        for (String room : rooms) {
            redis.awaitShardSubscribers("socket.io#/#" + room + "#", 1);
        }

        ja.io().to(r2).emit("to-r2", "from ja");
        ja.io().to(r3).emit("to-r3", "from ja");
        node.send(command("broadcast").add("event", "to-r1").add("rooms", array(r1)).build());
        jb.io().to(r1).to(r3).emit("to-r1-r3");
        ja.io().except(r2).emit("not-r2");
        node.send(command("broadcast").add("event", "not-r1").add("except", array(r1)).build());
        jb.io().emit("marker-jb");
        node.send(command("broadcast").add("event", "marker-node").build());

        // (channels on different masters keep no order between them, as with Node)
        awaitEvent("b1", "to-r2");
        awaitEvent("n1", "to-r3");
        awaitEvent("a1", "to-r1");
        awaitEvent("a1", "to-r1-r3");
        awaitEvent("n1", "to-r1-r3");
        awaitEvent("a1", "not-r2");
        awaitEvent("n1", "not-r2");
        awaitEvent("b1", "not-r1");
        awaitEvent("n1", "not-r1");
        for (String id : List.of("a1", "b1", "n1")) {
            awaitEvent(id, "marker-jb");
            awaitEvent(id, "marker-node");
        }
        assertNever("b1", "not-r2");
        assertNever("a1", "not-r1");
        assertNever("b1", "to-r1-r3");
        assertNever("a1", "to-r2");
        assertNever("n1", "to-r2");
    }

    @Test
    void fetchSocketsSeesTheSocketsOfEveryServer() throws Exception {
        join(clients, "n1", "fetch-room");

        Map<String, RemoteSocket> byId =
                ja.io().fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                        .collect(Collectors.toMap(RemoteSocket::id, Function.identity()));
        assertThat(byId).containsOnlyKeys(a1, b1, n1);
        assertThat(byId.get(n1).rooms()).contains(n1, "fetch-room");
        assertThat(byId.get(n1).data(JsonObject.class).orElseThrow().getString("server"))
                .isEqualTo("node");
        assertThat(byId.get(b1).data(JsonObject.class).orElseThrow().getString("server"))
                .isEqualTo("jb");

        node.send(command("fetchSockets").build());
        JsonArray sockets = node.awaitEvent("sockets", TIMEOUT).getJsonArray("sockets");
        Map<String, JsonObject> fromNode =
                sockets.getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(s -> s.getString("id"), Function.identity()));
        assertThat(fromNode).containsOnlyKeys(a1, b1, n1);
        assertThat(fromNode.get(a1).getJsonObject("data").getString("server")).isEqualTo("ja");
        assertThat(fromNode.get(b1).getString("url")).startsWith("/socket.io/");
    }

    @Test
    void socketsJoinLeaveAndDisconnectSocketsActOnEveryServer() {
        node.send(command("socketsJoin").add("room", "joined-by-node").build());
        ja.io().socketsJoin("joined-by-java");
        redis.awaitShardSubscribers("socket.io#/#joined-by-node#", 3);
        redis.awaitShardSubscribers("socket.io#/#joined-by-java#", 3);

        jb.io().to("joined-by-node").emit("node-joined");
        node.send(
                command("broadcast")
                        .add("event", "java-joined")
                        .add("rooms", array("joined-by-java"))
                        .build());
        for (String id : List.of("a1", "b1", "n1")) {
            awaitEvent(id, "node-joined");
            awaitEvent(id, "java-joined");
        }

        node.send(command("socketsLeave").add("room", "joined-by-node").build());
        jb.io().socketsLeave("joined-by-java");
        redis.awaitShardSubscribers("socket.io#/#joined-by-node#", 0);
        redis.awaitShardSubscribers("socket.io#/#joined-by-java#", 0);
        ja.io().to("joined-by-node").to("joined-by-java").emit("after-leave");
        ja.io().emit("marker");
        for (String id : List.of("a1", "b1", "n1")) {
            awaitEvent(id, "marker");
            assertNever(id, "after-leave");
        }

        node.send(command("disconnectSockets").add("rooms", array(a1)).build());
        assertThat(clients.awaitEvent("disconnect", "a1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
        ja.io().in(n1).disconnectSockets(true);
        assertThat(clients.awaitEvent("disconnect", "n1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
        jb.io().in(b1).disconnectSockets(true);
        assertThat(clients.awaitEvent("disconnect", "b1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
    }

    @Test
    void serverSideEmitsAreAcknowledgedByEveryOtherServer() throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        jb.io().onServerSideEmit("hello", (args, ack) -> hello.complete(args.getString(0)));

        List<Args> pongs =
                ja.io()
                        .serverSideEmitWithAck("ping")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
        assertThat(pongs)
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("pong-jb", "pong-node");

        node.send(command("serverSideEmit").add("event", "ping").add("ack", true).build());
        JsonObject answer = node.awaitEvent("serverSideEmitAck", TIMEOUT);
        assertThat(answer.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(answer.getJsonArray("responses").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"pong-ja\"", "\"pong-jb\"");

        node.send(
                command("serverSideEmit")
                        .add("event", "hello")
                        .add("args", Json.createArrayBuilder().add("from node"))
                        .build());
        assertThat(hello.get(10, TimeUnit.SECONDS)).isEqualTo("from node");
    }

    @Test
    void broadcastAcknowledgementsAreCountedAcrossTheThreeServers() throws Exception {
        CompletableFuture<List<Args>> fromJava =
                ja.io().timeout(TIMEOUT).emitWithAck("ask", 1).toCompletableFuture();
        answer("a1", "ask", "a");
        answer("b1", "ask", "b");
        answer("n1", "ask", "n");
        assertThat(fromJava.get(10, TimeUnit.SECONDS))
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("a", "b", "n");

        node.send(
                command("broadcastAck")
                        .add("event", "ask-node")
                        .add("timeout", 5000)
                        .add("args", Json.createArrayBuilder().add(binaryArg()))
                        .build());
        answer("a1", "ask-node", "a2");
        answer("b1", "ask-node", "b2");
        answer("n1", "ask-node", "n2");
        JsonObject answer = node.awaitEvent("broadcastAck", TIMEOUT);
        assertThat(answer.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(answer.getJsonArray("responses").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"a2\"", "\"b2\"", "\"n2\"");
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
}
