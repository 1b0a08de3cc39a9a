package io.jsocketio.redis.internal;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One server's link to Redis sharded pub/sub, shared by the adapters of every namespace: each shard
 * channel is subscribed ({@code SSUBSCRIBE}) on exactly one connection, the one to the node serving
 * it, so a message is handled once. When a node's connection drops (Redis restarted, a master
 * failed over to its replica, a slot moved), its channels are subscribed again, every second, on
 * whichever node then serves them, after reading the topology again. A publish that fails (it is
 * dropped, never retried) makes the bus read the topology too, so publishing follows a failover.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks the caller. All subscription state lives
 * on one thread ({@code jsocketio-redis-shards}), which also runs what arrives, in the order each
 * node delivered it.
 */
public final class ShardedBus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ShardedBus.class.getName());
    private static final Duration REPAIR_DELAY = Duration.ofSeconds(1);

    /** How long a topology read may take before the repair goes on with the topology known. */
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(10);

    private final ShardRouter router;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PublishFailures publishFailures = new PublishFailures(LOG);
    // the state below is confined to `thread`
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final Map<String, Link> links = new HashMap<>(); // by host:port
    private boolean repairScheduled;
    private boolean down;

    private ShardedBus(ShardRouter router) {
        this.router = router;
        this.thread =
                Executors.newSingleThreadScheduledExecutor(
                        DaemonThreads.named("jsocketio-redis-shards"));
        router.subscriberClient().addListener(new LinkWatcher());
    }

    /** Connects to one Redis 7 (blocking until the publishing connection is open). */
    public static ShardedBus connect(String redisUri) {
        return new ShardedBus(new StandaloneRouter(redisUri));
    }

    /** Connects to a Redis Cluster through its seed nodes (blocking until the topology is read). */
    public static ShardedBus connectCluster(List<String> seedUris) {
        return new ShardedBus(new ClusterRouter(seedUris));
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Subscribes {@code handler} to a shard channel; it runs on this bus's thread. The stage
     * completes when Redis confirmed the subscription (after an outage: when it is back).
     */
    public CompletionStage<Void> subscribe(String channel, BiConsumer<String, byte[]> handler) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        run(
                () -> {
                    Subscription s =
                            subscriptions.computeIfAbsent(channel, c -> new Subscription(handler));
                    s.waiters.add(done);
                    place(channel, s);
                });
        return done;
    }

    /** Runs {@code task} on this bus's thread, after what was asked of the bus before. */
    public void execute(Runnable task) {
        run(task);
    }

    /** Drops a subscription made by {@link #subscribe}. */
    public void unsubscribe(String channel) {
        run(
                () -> {
                    Subscription s = subscriptions.remove(channel);
                    if (s != null && s.link != null) {
                        s.link.leave(channel);
                    }
                });
    }

    /**
     * {@code SPUBLISH} without waiting. A failure (the node serving the channel is unreachable, or
     * the topology is stale after a failover) is logged, never thrown, and makes the bus read the
     * topology again; the message is lost (never sent twice).
     */
    public void publish(String channel, byte[] message) {
        if (closed.get()) {
            return;
        }
        CompletionStage<Long> sent;
        try {
            sent = router.publish(channel, message);
        } catch (RuntimeException e) { // Lettuce throws some routing errors instead of failing
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete(
                (n, error) -> {
                    if (error != null) {
                        publishFailures.onFailure(channel, error);
                        run(this::scheduleRepair);
                    }
                });
    }

    /** {@code PUBSUB SHARDNUMSUB channel}: how many connections subscribe to it. */
    public CompletionStage<Long> numsub(String channel) {
        return router.numsub(channel);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        thread.shutdownNow();
        try {
            router.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing Redis connections: " + e);
        }
    }

    // ---- on the bus thread

    private void run(Runnable task) {
        if (closed.get()) {
            return;
        }
        try {
            thread.execute(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.DEBUG, () -> "sharded bus task: " + e, e);
                        }
                    });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "sharded bus closed");
        }
    }

    private static byte[] raw(String channel) {
        return channel.getBytes(StandardCharsets.UTF_8);
    }

    /** Subscribes a channel on the node serving it, unless it is already there or on its way. */
    private void place(String channel, Subscription s) {
        RedisURI node = router.nodeFor(channel);
        if (node == null) {
            scheduleRepair();
            return;
        }
        String key = node.getHost() + ":" + node.getPort();
        if (s.link != null) {
            if (s.link.key.equals(key)) {
                return;
            }
            // the slot moved while the old node is alive: leave it there, join the new one
            s.link.leave(channel);
            s.link = null;
        }
        Link link = links.computeIfAbsent(key, k -> open(k, node));
        s.link = link;
        link.whenOpen(
                connection ->
                        connection
                                .async()
                                .ssubscribe(raw(channel))
                                .whenComplete(
                                        (ok, error) ->
                                                run(() -> onSubscribed(channel, link, error))));
    }

    private void onSubscribed(String channel, Link link, @Nullable Throwable error) {
        Subscription s = subscriptions.get(channel);
        if (s == null || s.link != link) {
            return; // unsubscribed or moved meanwhile
        }
        if (error != null) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "SSUBSCRIBE " + channel + " on " + link.key + " failed: " + error);
            s.link = null;
            scheduleRepair();
            return;
        }
        s.confirmed = true;
        for (CompletableFuture<Void> waiter : s.waiters) {
            waiter.complete(null);
        }
        s.waiters.clear();
        if (down && subscriptions.values().stream().allMatch(x -> x.confirmed)) {
            down = false;
            LOG.log(System.Logger.Level.INFO, "Redis sharded pub/sub restored");
        }
    }

    private Link open(String key, RedisURI node) {
        Link link = new Link(key);
        router.subscriberClient()
                .connectPubSubAsync(ByteArrayCodec.INSTANCE, node)
                .whenComplete((connection, error) -> run(() -> onOpened(link, connection, error)));
        return link;
    }

    private void onOpened(
            Link link,
            @Nullable StatefulRedisPubSubConnection<byte[], byte[]> connection,
            @Nullable Throwable error) {
        if (error != null || connection == null || links.get(link.key) != link) {
            if (connection != null) {
                connection.closeAsync();
            }
            lost(link, error);
            return;
        }
        link.connection = connection;
        connection.addListener(
                new RedisPubSubAdapter<>() {
                    @Override
                    public void smessage(byte[] channel, byte[] message) {
                        String name = new String(channel, StandardCharsets.UTF_8);
                        run(() -> deliver(link, name, message));
                    }

                    @Override
                    public void sunsubscribed(byte[] channel, long count) {
                        // also sent by Redis itself when the channel's slot moved away
                        String name = new String(channel, StandardCharsets.UTF_8);
                        run(() -> onUnsubscribed(link, name));
                    }
                });
        List<java.util.function.Consumer<StatefulRedisPubSubConnection<byte[], byte[]>>> ready =
                new ArrayList<>(link.onOpen);
        link.onOpen.clear();
        ready.forEach(r -> r.accept(connection));
    }

    private void deliver(Link link, String channel, byte[] message) {
        Subscription s = subscriptions.get(channel);
        if (s == null || s.link != link) {
            return; // not (or no longer) subscribed there: never handled twice
        }
        s.handler.accept(channel, message);
    }

    private void onUnsubscribed(Link link, String channel) {
        if (link.left(channel)) {
            return; // the answer to this server's own SUNSUBSCRIBE
        }
        Subscription s = subscriptions.get(channel);
        if (s != null && s.link == link) {
            s.link = null;
            s.confirmed = false;
            scheduleRepair();
        }
    }

    /** A node's connection failed or dropped: its channels go elsewhere (or wait for it). */
    private void lost(Link link, @Nullable Throwable cause) {
        if (links.get(link.key) == link) {
            links.remove(link.key);
        }
        if (link.connection != null) {
            link.connection.closeAsync();
        }
        boolean hadChannels = false;
        for (Subscription s : subscriptions.values()) {
            if (s.link == link) {
                s.link = null;
                s.confirmed = false;
                hadChannels = true;
            }
        }
        if (hadChannels && !down && !closed.get()) {
            down = true;
            LOG.log(
                    System.Logger.Level.WARNING,
                    () ->
                            "Redis node "
                                    + link.key
                                    + " unreachable"
                                    + (cause == null ? "" : " (" + cause + ")")
                                    + "; broadcasts reach this server's clients only until its"
                                    + " channels are subscribed again");
        }
        scheduleRepair();
    }

    private void scheduleRepair() {
        if (repairScheduled || closed.get()) {
            return;
        }
        repairScheduled = true;
        thread.schedule(this::refreshThenRepair, REPAIR_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the topology again, then places every channel; whatever the read gives (it may fail,
     * throw or hang on a node that stopped answering), the repair runs and may be scheduled again.
     */
    private void refreshThenRepair() {
        CompletableFuture<Void> refreshed;
        try {
            refreshed =
                    router.refresh()
                            .toCompletableFuture()
                            .copy() // times out this read only, not the router's own future
                            .orTimeout(REFRESH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            refreshed = CompletableFuture.failedFuture(e);
        }
        refreshed.whenComplete(
                (ok, error) -> {
                    if (error != null) {
                        LOG.log(
                                System.Logger.Level.DEBUG,
                                () -> "reading the Redis Cluster topology failed: " + error);
                    }
                    run(
                            () -> {
                                repairScheduled = false;
                                repair();
                            });
                });
    }

    /** Places every channel on the node now serving it. */
    private void repair() {
        for (Map.Entry<String, Subscription> e : new ArrayList<>(subscriptions.entrySet())) {
            place(e.getKey(), e.getValue());
        }
    }

    /** One channel this server listens to. */
    private static final class Subscription {
        final BiConsumer<String, byte[]> handler;
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
        @Nullable Link link; // where it is subscribed, or on its way
        boolean confirmed;

        Subscription(BiConsumer<String, byte[]> handler) {
            this.handler = handler;
        }
    }

    /** The subscribing connection to one node. */
    private static final class Link {
        final String key;
        final List<java.util.function.Consumer<StatefulRedisPubSubConnection<byte[], byte[]>>>
                onOpen = new ArrayList<>();

        /** SUNSUBSCRIBEs sent and not yet answered, by channel. */
        final Map<String, Integer> leaving = new HashMap<>();

        @Nullable StatefulRedisPubSubConnection<byte[], byte[]> connection;

        Link(String key) {
            this.key = key;
        }

        /** Unsubscribes {@code channel} here (if the connection is open). */
        void leave(String channel) {
            if (connection != null && connection.isOpen()) {
                leaving.merge(channel, 1, Integer::sum);
                connection.async().sunsubscribe(raw(channel));
            }
        }

        /** Whether an unsubscription of {@code channel} answers one {@link #leave} sent. */
        boolean left(String channel) {
            Integer pending = leaving.get(channel);
            if (pending == null) {
                return false;
            }
            if (pending == 1) {
                leaving.remove(channel);
            } else {
                leaving.put(channel, pending - 1);
            }
            return true;
        }

        void whenOpen(
                java.util.function.Consumer<StatefulRedisPubSubConnection<byte[], byte[]>> action) {
            if (connection != null) {
                action.accept(connection);
            } else {
                onOpen.add(action);
            }
        }
    }

    /** Notices a dropped subscribing connection (they do not reconnect by themselves). */
    private final class LinkWatcher implements RedisConnectionStateListener {
        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            run(
                    () -> {
                        for (Link link : new ArrayList<>(links.values())) {
                            if (link.connection == connection) {
                                lost(link, null);
                            }
                        }
                    });
        }
    }
}
