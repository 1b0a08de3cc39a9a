package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.expectEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.RedisAdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter options: key prefix, answers on the requester's channel, requests timeout. */
class RedisAdapterOptionsIT {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) redis.close();
    }

    @Test
    void serversWithAnotherKeyAndSpecificResponseChannelsFormTheirOwnCluster() throws Exception {
        RedisAdapterFactory.Options options =
                RedisAdapterFactory.Options.builder()
                        .key("other-app")
                        .publishOnSpecificResponseChannel(true)
                        .build();
        try (JavaNode c = JavaNode.start("C", redis.url(), options);
                JavaNode d = JavaNode.start("D", redis.url(), options);
                JavaNode stranger = JavaNode.start("X", redis.url());
                NodeProcess clients = NodeProcess.start("sio-client.js", "4")) {
            String c1 = connect(clients, "c1", c.url());
            String d1 = connect(clients, "d1", d.url());
            connect(clients, "x1", stranger.url());

            List<RemoteSocket> sockets =
                    c.io().fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(sockets).extracting(RemoteSocket::id).containsExactlyInAnyOrder(c1, d1);
            List<Args> pongs =
                    c.io().serverSideEmitWithAck("ping")
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
            assertThat(pongs).extracting(r -> r.getString(0)).containsExactly("pong-D");

            stranger.io().emit("stranger");
            c.io().emit("own-cluster");
            expectEvent(clients, "x1", "stranger");
            expectEvent(clients, "d1", "own-cluster");
        }
    }

    @Test
    void requestsFailAfterTheRequestsTimeoutWhenAServerDoesNotAnswer() throws Exception {
        RedisClient silent = RedisClient.create(redis.url());
        try (StatefulRedisPubSubConnection<String, String> mute = silent.connectPubSub();
                JavaNode e =
                        JavaNode.start(
                                "E",
                                redis.url(),
                                RedisAdapterFactory.Options.builder()
                                        .key("timeouts")
                                        .requestsTimeout(Duration.ofMillis(300))
                                        .build())) {
            // a subscriber that counts as a server but never answers
            mute.sync().subscribe("timeouts-request#/#");

            CompletableFuture<List<Args>> pongs =
                    e.io().serverSideEmitWithAck("ping").toCompletableFuture();
            CompletableFuture<List<RemoteSocket>> sockets =
                    e.io().fetchSockets().toCompletableFuture();

            assertThat(pongs)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(TimeoutException.class);
            assertThat(sockets)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(TimeoutException.class);
        } finally {
            silent.shutdown();
        }
    }
}
