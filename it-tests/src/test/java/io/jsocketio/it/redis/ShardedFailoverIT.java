package io.jsocketio.it.redis;

import static io.jsocketio.it.redis.ClusterFixtures.TIMEOUT;
import static io.jsocketio.it.redis.ClusterFixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.RemoteSocket;
import io.jsocketio.it.redis.ClusterFixtures.JavaNode;
import io.jsocketio.redis.RedisShardedAdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A master of a real Redis Cluster is killed while two jsocketio servers with the sharded adapter
 * broadcast through it; its replica takes over and the servers follow.
 */
class ShardedFailoverIT {
    private static final String CHANNEL = "socket.io#/#";
    private static final Duration FAILOVER = Duration.ofSeconds(60);

    private RedisClusterProcess redis;
    private JavaNode a;
    private JavaNode b;
    private NodeProcess clients;
    private ScheduledExecutorService ticker;

    @AfterEach
    void stop() {
        try {
            if (ticker != null) ticker.shutdownNow();
            if (clients != null) clients.close();
            if (a != null) a.close();
            if (b != null) b.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    private static Predicate<JsonObject> tick(String id, int atLeast) {
        return NodeProcess.event("event", id)
                .and(line -> "tick".equals(line.getString("name")))
                .and(line -> line.getJsonArray("args").getInt(0) >= atLeast);
    }

    private List<Integer> ticks(String id) {
        return clients.lines().stream()
                .filter(NodeProcess.event("event", id))
                .filter(line -> "tick".equals(line.getString("name")))
                .map(line -> line.getJsonArray("args").getInt(0))
                .collect(Collectors.toList());
    }

    @Test
    void deliveriesResumeAfterAMasterFailsOverAndNothingArrivesTwice() throws Exception {
        redis = RedisClusterProcess.start();
        a = JavaNode.start("A", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        b = JavaNode.start("B", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        clients = NodeProcess.start("sio-client.js", "4");
        connect(clients, "a1", a.url());
        String b1 = connect(clients, "b1", b.url());
        redis.awaitShardSubscribers(CHANNEL, 2);

        // A broadcasts a numbered tick every 20 ms, through the master serving the channel
        AtomicInteger sent = new AtomicInteger();
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(
                () -> a.io().emit("tick", sent.incrementAndGet()), 0, 20, TimeUnit.MILLISECONDS);
        clients.await(tick("b1", 10), TIMEOUT);

        int master = redis.masterPortFor(CHANNEL);
        redis.kill(master);
        int atKill = sent.get();

        // the replica takes over; B subscribes there and hears A's ticks again
        clients.await(tick("b1", atKill + 50), FAILOVER);
        assertThat(redis.masterPortFor(CHANNEL)).isNotEqualTo(master);
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        int last = sent.get();
        clients.await(tick("a1", last), TIMEOUT);

        List<Integer> atB = ticks("b1");
        assertThat(atB).as("B's client got each tick at most once, in order").isSorted();
        assertThat(atB).doesNotHaveDuplicates();
        // A's own client was served all along, outage or not
        assertThat(ticks("a1"))
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, last).boxed().toList());

        // requests work again in both directions, once each server's response channel is back
        Awaitility.await("fetchSockets answered by B")
                .atMost(TIMEOUT)
                .until(
                        () ->
                                a
                                        .io()
                                        .fetchSockets()
                                        .toCompletableFuture()
                                        .get(10, TimeUnit.SECONDS)
                                        .stream()
                                        .map(RemoteSocket::id)
                                        .collect(Collectors.toList())
                                        .contains(b1));
        assertThat(
                        b.io().serverSideEmitWithAck("ping")
                                .toCompletableFuture()
                                .get(10, TimeUnit.SECONDS))
                .extracting(r -> r.getString(0))
                .containsExactly("pong-A");
    }
}
