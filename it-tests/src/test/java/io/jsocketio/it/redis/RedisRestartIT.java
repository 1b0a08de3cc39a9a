package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.awaitServerCount;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.emitUntilHeard;
import static io.jsocketio.it.redis.ClusterFixtures.expectEvent;
import static io.jsocketio.it.redis.ClusterFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.RedisShardedAdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis goes away in the middle of a test and comes back on the same port, under the pub/sub
 * adapter and under the sharded one.
 */
class RedisRestartIT {
    private RedisServerProcess redis;
    private JavaNode a;
    private JavaNode b;
    private NodeProcess clients;

    @AfterEach
    void stop() {
        try {
            if (clients != null) clients.close();
            if (a != null) a.close();
            if (b != null) b.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    private JavaNode node(String name, String adapter) {
        return adapter.equals("sharded")
                ? JavaNode.start(name, RedisShardedAdapterFactory.connect(redis.url()))
                : JavaNode.start(name, redis.url());
    }

    @ParameterizedTest(name = "{0} adapter")
    @ValueSource(strings = {"pub/sub", "sharded"})
    void localDeliveryContinuesWhileRedisIsDownAndTheClusterHealsWhenItReturns(String adapter)
            throws Exception {
        redis = RedisServerProcess.start();
        a = node("A", adapter);
        b = node("B", adapter);
        clients = NodeProcess.start("sio-client.js", "4");
        String a1 = connect(clients, "a1", a.url());
        connect(clients, "b1", b.url());
        awaitServerCount(a, 2);

        a.io().emit("before");
        expectEvent(clients, "a1", "before");
        expectEvent(clients, "b1", "before");

        redis.kill();

        // this server's clients are still served, and cluster requests fall back to this server
        a.io().emit("during");
        expectEvent(clients, "a1", "during");
        List<RemoteSocket> sockets =
                a.io().fetchSockets().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(sockets).extracting(RemoteSocket::id).containsExactly(a1);

        redis.restart();

        // Lettuce reconnects with a backoff: publish until B's client hears from A again
        JsonObject after = emitUntilHeard(n -> a.io().emit("after", n), clients, "b1", "after");
        assertThat(after).as("a broadcast from A reached B after the restart").isNotNull();
        // what was published while Redis was down is lost, never delivered late
        assertThat(clients.lines())
                .filteredOn(named("b1", "during"))
                .as("b1 got nothing published during the outage")
                .isEmpty();

        // and B's broadcasts reach A: both subscriptions are back
        awaitServerCount(b, 2);
        b.io().emit("back");
        assertThat(clients.await(named("a1", "back"), TIMEOUT)).isNotNull();
        assertThat(clients.await(named("b1", "back"), TIMEOUT)).isNotNull();
    }

    @ParameterizedTest(name = "{0} adapter")
    @ValueSource(strings = {"pub/sub", "sharded"})
    void aNamespaceCreatedWhileRedisIsDownJoinsTheClusterWhenItReturns(String adapter) {
        redis = RedisServerProcess.start();
        a = node("A", adapter);
        b = node("B", adapter);
        clients = NodeProcess.start("sio-client.js", "4");

        redis.kill();
        a.io().of("/late");
        b.io().of("/late");
        redis.restart();

        clients.send(
                ClusterFixtures.command("connect")
                        .add("id", "late-b")
                        .add("url", b.url())
                        .add("nsp", "/late")
                        .add("forceNew", true)
                        .build());
        clients.awaitEvent("connect", "late-b", TIMEOUT);
        JsonObject heard =
                emitUntilHeard(
                        n -> a.io().of("/late").emit("late-news", n),
                        clients,
                        "late-b",
                        "late-news");
        assertThat(heard).as("a broadcast on /late from A reached B's client").isNotNull();
    }
}
