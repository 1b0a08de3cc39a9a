package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.array;
import static io.jsocketio.it.redis.ClusterFixtures.awaitServerCount;
import static io.jsocketio.it.redis.ClusterFixtures.command;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.expectEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.RedisShardedAdapterFactory;
import io.jsocketio.redis.RedisShardedAdapterFactory.SubscriptionMode;
import io.jsocketio.testkit.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sharded adapter on one Redis 7 without cluster mode, with a Node server using {@code
 * createShardedAdapter} on a {@code redis} 4.7.1 client (a restart is in {@link RedisRestartIT}).
 */
class ShardedSingleRedisIT {
    private RedisServerProcess redis;
    private JavaNode a;
    private NodeProcess node;
    private NodeProcess clients;

    @AfterEach
    void stop() {
        try {
            if (clients != null) clients.close();
            if (node != null) node.close();
            if (a != null) a.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    @Test
    void javaAndNodeShardedAdaptersShareOneRedisInEverySubscriptionMode() {
        redis = RedisServerProcess.start();
        a =
                JavaNode.start(
                        "A",
                        RedisShardedAdapterFactory.connect(
                                redis.url(),
                                RedisShardedAdapterFactory.Options.builder()
                                        .subscriptionMode(SubscriptionMode.DYNAMIC_PRIVATE)
                                        .build()));
        node =
                NodeProcess.start(
                        "redis-cluster-server.js", "--sharded", redis.url(), "dynamic-private");
        String nodeUrl =
                "http://127.0.0.1:"
                        + node.awaitEvent("listening", ClusterFixtures.STARTUP).getInt("port");
        clients = NodeProcess.start("sio-client.js", "4");
        String a1 = connect(clients, "a1", a.url());
        String n1 = connect(clients, "n1", nodeUrl);
        awaitServerCount(a, 2);

        // dynamic-private: a message to one socket goes on that socket's own channel
        a.io().to(n1).emit("to-n1", new byte[] {1, 2, 3});
        node.send(command("broadcast").add("event", "to-a1").add("rooms", array(a1)).build());
        assertThat(expectEvent(clients, "n1", "to-n1").toString())
                .isEqualTo("[{\"$bin\":\"AQID\"}]");
        expectEvent(clients, "a1", "to-a1");
    }
}
