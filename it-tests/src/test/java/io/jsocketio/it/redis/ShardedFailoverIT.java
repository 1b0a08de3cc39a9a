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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A master of a real Redis Cluster is killed while two jsocketio servers with the sharded adapter
 * broadcast through it; its replica takes over and both servers follow.
 */
class ShardedFailoverIT {
    private static final String CHANNEL = "socket.io#/#";

    /** From the kill to deliveries through the new master (a loaded machine takes 10-20 s). */
    private static final Duration FAILOVER = Duration.ofSeconds(90);

    /**
     * How long a client may lag behind its server: on a loaded machine the Node process driving the
     * clients can fall seconds behind the ticks.
     */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    /** Ticks a server's broadcasts must reach the other server by after the failover. */
    private static final int RESUMED = 20;

    private RedisClusterProcess redis;
    private JavaNode a;
    private JavaNode b;
    private NodeProcess clients;
    private Ticker fromA;
    private Ticker fromB;

    @AfterEach
    void stop() {
        try {
            if (fromA != null) fromA.close();
            if (fromB != null) fromB.close();
            if (clients != null) clients.close();
            if (a != null) a.close();
            if (b != null) b.close();
        } finally {
            if (redis != null) redis.close();
        }
    }

    /**
     * Matches the event {@code name} with a number of at least {@code atLeast}, heard by {@code
     * id}.
     */
    private static Predicate<JsonObject> numbered(String id, String name, int atLeast) {
        return NodeProcess.event("event", id)
                .and(line -> name.equals(line.getString("name")))
                .and(line -> line.getJsonArray("args").getInt(0) >= atLeast);
    }

    private void await(String id, String name, int atLeast, Duration timeout) {
        clients.await(id + " hears " + name + " " + atLeast, numbered(id, name, atLeast), timeout);
    }

    /** The numbers of every event {@code name} client {@code id} heard so far, in order. */
    private List<Integer> heard(String id, String name) {
        return clients.lines().stream()
                .filter(NodeProcess.event("event", id))
                .filter(line -> name.equals(line.getString("name")))
                .map(line -> line.getJsonArray("args").getInt(0))
                .collect(Collectors.toList());
    }

    @Test
    void deliveriesResumeOnBothServersAfterAMasterFailsOverAndNothingArrivesTwice()
            throws Exception {
        redis = RedisClusterProcess.start();
        a = JavaNode.start("A", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        b = JavaNode.start("B", RedisShardedAdapterFactory.connectCluster(redis.seeds()));
        clients = NodeProcess.start("sio-client.js", "4");
        connect(clients, "a1", a.url());
        String b1 = connect(clients, "b1", b.url());
        redis.awaitShardSubscribers(CHANNEL, 2);
        // a master killed before its replica copied it could not be replaced at all
        redis.awaitReplicasInSync();

        // each server broadcasts numbered events through the master serving the namespace channel
        fromA = new Ticker(a, "tick");
        fromB = new Ticker(b, "tock");
        await("b1", "tick", 5, CATCH_UP);
        await("a1", "tock", 5, CATCH_UP);

        int master = redis.masterPortFor(CHANNEL);
        redis.kill(master);
        int tickAtKill = fromA.sent();
        int tockAtKill = fromB.sent();

        // the replica takes over; both servers subscribe there and hear each other again
        try {
            await("b1", "tick", tickAtKill + RESUMED, FAILOVER);
            await("a1", "tock", tockAtKill + RESUMED, FAILOVER);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "deliveries did not resume after killing master "
                            + master
                            + " (emits that threw: A "
                            + fromA.failure.get()
                            + ", B "
                            + fromB.failure.get()
                            + ")\n"
                            + redis.describe(),
                    e);
        }
        assertThat(redis.masterPortFor(CHANNEL)).isNotEqualTo(master);
        int lastTick = fromA.stop();
        int lastTock = fromB.stop();
        // each server's own client was served all along, outage or not
        await("a1", "tick", lastTick, CATCH_UP);
        await("b1", "tock", lastTock, CATCH_UP);
        assertThat(heard("a1", "tick"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lastTick).boxed().toList());
        assertThat(heard("b1", "tock"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lastTock).boxed().toList());
        // what went through Redis arrived at most once, in order: lost during the failover only
        List<Integer> ticksAtB = heard("b1", "tick");
        assertThat(ticksAtB).as("A's ticks at B's client").isSorted().doesNotHaveDuplicates();
        List<Integer> tocksAtA = heard("a1", "tock");
        assertThat(tocksAtA).as("B's tocks at A's client").isSorted().doesNotHaveDuplicates();

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

    /**
     * Broadcasts {@code event} with 1, 2, 3... from a server every 100 ms, on its own thread; an
     * emit that throws (a Redis failure must never reach the caller) fails the test.
     */
    private static final class Ticker implements AutoCloseable {
        private final ScheduledExecutorService thread =
                Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Ticker(JavaNode server, String event) {
            thread.scheduleAtFixedRate(
                    () -> {
                        try {
                            server.io().emit(event, sent.incrementAndGet());
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                            throw e;
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
        }

        int sent() {
            return sent.get();
        }

        /** Stops after the emit under way, if any; the number of the last one. */
        int stop() throws InterruptedException {
            thread.shutdown();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).as("an emit threw").isNull();
            return sent.get();
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
