package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
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
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two jsocketio servers in one Redis cluster, with npm socket.io-client clients on each. */
class JavaClusterIT {
    private static RedisServerProcess redis;
    private static JavaNode a;
    private static JavaNode b;

    private NodeProcess clients;
    private String a1;
    private String b1;

    @BeforeAll
    static void startCluster() {
        redis = RedisServerProcess.start();
        a = JavaNode.start("A", redis.url());
        b = JavaNode.start("B", redis.url());
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (a != null) a.close();
            if (b != null) b.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    @BeforeEach
    void connectClients() {
        clients = NodeProcess.start("sio-client.js", "4");
        a1 = connect(clients, "a1", a.url());
        b1 = connect(clients, "b1", b.url());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void aBroadcastFromOneServerReachesTheClientsOfBoth() {
        a.io().emit("news", "hi", 42);

        assertThat(expectEvent(clients, "a1", "news").toString()).isEqualTo("[\"hi\",42]");
        assertThat(expectEvent(clients, "b1", "news").toString()).isEqualTo("[\"hi\",42]");
    }

    @Test
    void aRoomBroadcastReachesOnlyTheRoomMembersOnTheOtherServer() {
        join(clients, "b1", "blue");

        a.io().to("blue").emit("blue-news", "x");
        a.io().emit("marker");

        expectEvent(clients, "b1", "blue-news");
        expectEvent(clients, "b1", "marker");
        expectEvent(clients, "a1", "marker");
    }

    @Test
    void exceptExcludesTheRoomMembersOnTheOtherServer() {
        join(clients, "b1", "green");

        b.io().except("green").emit("not-green");
        b.io().emit("marker");

        expectEvent(clients, "a1", "not-green");
        expectEvent(clients, "a1", "marker");
        expectEvent(clients, "b1", "marker");
    }

    @Test
    void broadcastAcknowledgementsAreCountedAcrossServers() throws Exception {
        CompletableFuture<List<Args>> responses =
                a.io().timeout(TIMEOUT).emitWithAck("ask", 1).toCompletableFuture();

        for (String id : List.of("a1", "b1")) {
            JsonObject event = nextEvent(clients, id);
            assertThat(event.getString("name")).isEqualTo("ask");
            clients.send(
                    command("ack")
                            .add("id", "x")
                            .add("ackId", event.getInt("ackId"))
                            .add("args", Json.createArrayBuilder().add("answer-" + id))
                            .build());
        }

        List<Args> answers = responses.get(10, TimeUnit.SECONDS);
        assertThat(answers.stream().map(r -> r.getString(0)))
                .containsExactlyInAnyOrder("answer-a1", "answer-b1");
    }

    @Test
    void fetchSocketsSeesTheSocketsOfBothServersWithTheirDataAndRooms() throws Exception {
        join(clients, "b1", "red");

        List<RemoteSocket> sockets =
                a.io().fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Map<String, RemoteSocket> byId =
                sockets.stream().collect(Collectors.toMap(RemoteSocket::id, s -> s));
        assertThat(byId).containsKeys(a1, b1);
        RemoteSocket remote = byId.get(b1);
        assertThat(remote.rooms()).contains(b1, "red");
        assertThat(remote.data(JsonObject.class).orElseThrow().getString("server")).isEqualTo("B");
        assertThat(remote.handshake().url()).startsWith("/socket.io/");
        assertThat(remote.handshake().query()).containsKey("EIO");

        List<RemoteSocket> red =
                a.io().in("red").fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(red).extracting(RemoteSocket::id).containsExactly(b1);
    }

    @Test
    void serverSideEmitReachesTheOtherServerWithAndWithoutAcknowledgement() throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        b.io().onServerSideEmit("hello", (args, ack) -> hello.complete(args.getString(0)));

        a.io().serverSideEmit("hello", "from A");
        List<Args> pongs =
                a.io().serverSideEmitWithAck("ping")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);

        assertThat(hello.get(10, TimeUnit.SECONDS)).isEqualTo("from A");
        assertThat(pongs).extracting(r -> r.getString(0)).containsExactly("pong-B");
    }

    @Test
    void socketsJoinAndDisconnectSocketsActOnTheOtherServer() {
        a.io().socketsJoin("everyone");
        a.io().to("everyone").emit("everyone-news");

        expectEvent(clients, "a1", "everyone-news");
        expectEvent(clients, "b1", "everyone-news");

        a.io().in(b1).disconnectSockets(true);

        assertThat(clients.awaitEvent("disconnect", "b1", TIMEOUT).getString("reason"))
                .isEqualTo("io server disconnect");
    }

    @Test
    void socketsAndAllRoomsRequestsInTheNodeFormatAreAnsweredByEveryServer() throws Exception {
        join(clients, "b1", "probe-room");
        RedisClient probe = RedisClient.create(redis.url());
        try (StatefulRedisPubSubConnection<String, String> sub = probe.connectPubSub();
                StatefulRedisConnection<String, String> pub = probe.connect()) {
            BlockingQueue<String> responses = new LinkedBlockingQueue<>();
            sub.addListener(
                    new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channel, String message) {
                            responses.add(message);
                        }
                    });
            sub.sync().subscribe("socket.io-response#/#");

            pub.sync()
                    .publish(
                            "socket.io-request#/#",
                            "{\"uid\":\"probe\",\"requestId\":\"s1\",\"type\":0,"
                                    + "\"rooms\":[\"probe-room\"]}");
            List<String> sockets =
                    List.of(
                            responses.poll(10, TimeUnit.SECONDS),
                            responses.poll(10, TimeUnit.SECONDS));
            assertThat(sockets)
                    .containsExactlyInAnyOrder(
                            "{\"requestId\":\"s1\",\"sockets\":[]}",
                            "{\"requestId\":\"s1\",\"sockets\":[\"" + b1 + "\"]}");

            pub.sync()
                    .publish(
                            "socket.io-request#/#",
                            "{\"uid\":\"probe\",\"requestId\":\"r1\",\"type\":1}");
            String first = responses.poll(10, TimeUnit.SECONDS);
            String second = responses.poll(10, TimeUnit.SECONDS);
            assertThat(first + second).contains("\"requestId\":\"r1\"", "\"probe-room\"");
        } finally {
            probe.shutdown();
        }
    }
}
