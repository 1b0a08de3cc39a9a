package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static io.jsocketio.it.redis.ClusterFixtures.expectEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis goes away in the middle of a test and comes back on the same port. */
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

    private static Predicate<JsonObject> named(String id, String name) {
        return NodeProcess.event("event", id).and(line -> name.equals(line.getString("name")));
    }

    @Test
    void localDeliveryContinuesWhileRedisIsDownAndTheClusterHealsWhenItReturns() throws Exception {
        redis = RedisServerProcess.start();
        a = JavaNode.start("A", redis.url());
        b = JavaNode.start("B", redis.url());
        clients = NodeProcess.start("sio-client.js", "4");
        String a1 = connect(clients, "a1", a.url());
        connect(clients, "b1", b.url());

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
        JsonObject after = null;
        for (int attempt = 0; attempt < 120 && after == null; attempt++) {
            a.io().emit("after", attempt);
            try {
                after = clients.await(named("b1", "after"), Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                // not reconnected yet
            }
        }
        assertThat(after).as("a broadcast from A reached B after the restart").isNotNull();
        // what was published while Redis was down is lost, never delivered late
        assertThat(clients.lines())
                .filteredOn(named("b1", "during"))
                .as("b1 got nothing published during the outage")
                .isEmpty();

        // and B's broadcasts reach A: both subscriptions are back
        b.io().emit("back");
        assertThat(clients.await(named("a1", "back"), TIMEOUT)).isNotNull();
        assertThat(clients.await(named("b1", "back"), TIMEOUT)).isNotNull();
    }

    @Test
    void aNamespaceCreatedWhileRedisIsDownJoinsTheClusterWhenItReturns() {
        redis = RedisServerProcess.start();
        a = JavaNode.start("A", redis.url());
        b = JavaNode.start("B", redis.url());
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
        JsonObject heard = null;
        for (int attempt = 0; attempt < 120 && heard == null; attempt++) {
            a.io().of("/late").emit("late-news", attempt);
            try {
                heard = clients.await(named("late-b", "late-news"), Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                // not subscribed yet
            }
        }
        assertThat(heard).as("a broadcast on /late from A reached B's client").isNotNull();
    }
}
