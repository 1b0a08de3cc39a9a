package io.jsocketio.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One server's link to Redis: a publishing connection and a subscribed connection shared by the
 * adapters of every namespace, and one thread that runs what arrives, in order. Lettuce reconnects
 * by itself and subscribes again to every channel and pattern; commands issued while Redis is
 * unreachable fail at once instead of queueing.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks the caller except in {@link #connect}.
 */
public final class RedisBus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> pub;
    private final StatefulRedisPubSubConnection<byte[], byte[]> sub;
    private final ExecutorService inbound;
    private final Map<String, BiConsumer<String, byte[]>> channels = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, byte[]>> patterns = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger open = new AtomicInteger(); // connections up, of two

    private RedisBus(RedisClient client) {
        this.client = client;
        client.setOptions(
                ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        client.addListener(new StateLogger());
        this.inbound = Executors.newSingleThreadExecutor(DaemonThreads.named("jsocketio-redis"));
        this.pub = client.connect(ByteArrayCodec.INSTANCE);
        this.sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
        sub.addListener(
                new RedisPubSubAdapter<>() {
                    @Override
                    public void message(byte[] channel, byte[] message) {
                        String name = new String(channel, StandardCharsets.UTF_8);
                        BiConsumer<String, byte[]> handler = channels.get(name);
                        if (handler != null) {
                            dispatch(handler, name, message);
                        }
                    }

                    @Override
                    public void message(byte[] pattern, byte[] channel, byte[] message) {
                        BiConsumer<String, byte[]> handler =
                                patterns.get(new String(pattern, StandardCharsets.UTF_8));
                        if (handler != null) {
                            dispatch(handler, new String(channel, StandardCharsets.UTF_8), message);
                        }
                    }
                });
    }

    /**
     * Connects to Redis (blocking until both connections are open).
     *
     * @param uri a Redis URI such as {@code redis://127.0.0.1:6379}
     */
    public static RedisBus connect(String uri) {
        RedisClient client = RedisClient.create(RedisURI.create(uri));
        try {
            return new RedisBus(client);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private void dispatch(BiConsumer<String, byte[]> handler, String channel, byte[] message) {
        if (closed.get()) {
            return;
        }
        inbound.execute(
                () -> {
                    try {
                        handler.accept(channel, message);
                    } catch (RuntimeException e) {
                        LOG.log(
                                System.Logger.Level.DEBUG,
                                () -> "dropped a message on " + channel + ": " + e,
                                e);
                    }
                });
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Subscribes {@code handler} to a pattern and channels. */
    public CompletionStage<Void> subscribe(
            String pattern,
            BiConsumer<String, byte[]> onPattern,
            BiConsumer<String, byte[]> onChannel,
            String... names) {
        patterns.put(pattern, onPattern);
        CompletableFuture<Void> psub =
                sub.async()
                        .psubscribe(pattern.getBytes(StandardCharsets.UTF_8))
                        .toCompletableFuture();
        return CompletableFuture.allOf(psub, subscribe(onChannel, names).toCompletableFuture());
    }

    /** Subscribes {@code onChannel} to channels. */
    public CompletionStage<Void> subscribe(BiConsumer<String, byte[]> onChannel, String... names) {
        byte[][] raw = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            channels.put(names[i], onChannel);
            raw[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return sub.async().subscribe(raw).toCompletableFuture();
    }

    /** Drops the subscriptions {@link #subscribe} made. */
    public void unsubscribe(String pattern, String... names) {
        patterns.remove(pattern);
        if (!closed.get() && sub.isOpen()) {
            sub.async().punsubscribe(pattern.getBytes(StandardCharsets.UTF_8));
        }
        unsubscribeChannels(names);
    }

    /** Drops channel subscriptions. */
    public void unsubscribeChannels(String... names) {
        byte[][] raw = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            channels.remove(names[i]);
            raw[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        if (closed.get() || !sub.isOpen()) {
            return;
        }
        sub.async().unsubscribe(raw);
    }

    /** The asynchronous commands of the publishing connection (streams and keys too). */
    public RedisAsyncCommands<byte[], byte[]> commands() {
        return pub.async();
    }

    /**
     * A new connection to the same Redis, for a blocking command (such as {@code XREAD BLOCK}) that
     * must not hold up the publishing connection; the caller closes it (closing the bus closes the
     * client under it).
     */
    public StatefulRedisConnection<byte[], byte[]> connectAnother() {
        return client.connect(ByteArrayCodec.INSTANCE);
    }

    /**
     * Runs {@code task} on the bus's inbound thread, after what is already queued there (so that
     * what arrives from Redis is handled in order, off Lettuce's I/O threads); dropped once closed.
     */
    public void execute(Runnable task) {
        if (closed.get()) {
            return;
        }
        inbound.execute(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, () -> "inbound task failed: " + e, e);
                    }
                });
    }

    /** Publishes without waiting; a failure (Redis unreachable) is logged. */
    public void publish(String channel, byte[] message) {
        if (closed.get()) {
            return;
        }
        pub.async()
                .publish(channel.getBytes(StandardCharsets.UTF_8), message)
                .whenComplete(
                        (n, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        () -> "publish to " + channel + " failed: " + error);
                            }
                        });
    }

    /** {@code PUBSUB NUMSUB channel}: how many connections subscribe to it. */
    public CompletionStage<Long> numsub(String channel) {
        byte[] raw = channel.getBytes(StandardCharsets.UTF_8);
        return pub.async()
                .pubsubNumsub(raw)
                .thenApply(
                        map -> {
                            for (Map.Entry<byte[], Long> e : map.entrySet()) {
                                return e.getValue();
                            }
                            return 0L;
                        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            sub.close();
            pub.close();
        } finally {
            client.shutdown();
            inbound.shutdownNow();
        }
    }

    /** Logs when Redis goes away (either connection) and comes back (both). */
    private final class StateLogger implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (open.incrementAndGet() >= 2 && down.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, () -> "Redis connection restored: " + address);
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            open.decrementAndGet();
            if (!closed.get() && down.compareAndSet(false, true)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Redis connection lost; broadcasts reach this server's clients only until"
                                + " it is back");
            }
        }

        @Override
        public void onRedisExceptionCaught(RedisChannelHandler<?, ?> connection, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Redis connection error: " + cause);
        }
    }
}
