package io.jsocketio.redis;

import io.jsocketio.redis.internal.ShardedBus;
import io.jsocketio.redis.internal.ShardedRedisAdapter;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import java.util.List;
import java.util.Objects;

/**
 * Joins a server to a Socket.IO cluster over Redis 7 sharded pub/sub ({@code SSUBSCRIBE} / {@code
 * SPUBLISH}), as {@code createShardedAdapter} of npm {@code @socket.io/redis-adapter} 8.x does:
 * Java and Node.js servers using it share rooms, broadcasts and requests. On a Redis Cluster each
 * channel lives on one master (the one serving its hash slot), so the traffic spreads over the
 * masters instead of reaching every node as classic pub/sub does. One factory serves every
 * namespace of the server; close it after the server.
 *
 * <pre>{@code
 * RedisShardedAdapterFactory redis = RedisShardedAdapterFactory.connectCluster(
 *         List.of("redis://10.0.0.1:7000", "redis://10.0.0.2:7000"));
 * Server io = new Server(3000, ServerOptions.builder().adapter(redis).build());
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. Only the {@code connect} methods block (until Redis
 * answers); every other operation returns at once, publishing without waiting. What other servers
 * publish is handled on one thread per factory ({@code jsocketio-redis-shards}), in the order each
 * Redis node delivered it; listeners still run on the server's callback lane. When a node is
 * unreachable (Redis restarted, a master failed over to its replica) the factory logs a WARNING,
 * broadcasts still reach this server's clients, and its channels are subscribed again, every
 * second, on whichever node then serves them; what was published meanwhile is lost.
 */
public final class RedisShardedAdapterFactory implements AdapterFactory, AutoCloseable {
    private final ShardedBus bus;
    private final Options options;

    /**
     * How many channels a namespace uses (Node's {@code subscriptionMode}).
     *
     * <p>Thread-safety: immutable.
     */
    public enum SubscriptionMode {
        /** Two channels per namespace (the namespace's and this server's responses). */
        STATIC("static"),
        /**
         * As {@code STATIC}, plus one channel per public room of this server, so a broadcast to one
         * room reaches only the servers that have it. The default.
         */
        DYNAMIC("dynamic"),
        /** As {@code DYNAMIC}, private rooms (socket ids) included. */
        DYNAMIC_PRIVATE("dynamic-private");

        private final String wireName;

        SubscriptionMode(String wireName) {
            this.wireName = wireName;
        }

        /** The name Node's option takes ({@code "dynamic-private"}). */
        public String wireName() {
            return wireName;
        }

        /**
         * The mode Node calls {@code name}.
         *
         * @throws IllegalArgumentException for another name
         */
        public static SubscriptionMode of(String name) {
            for (SubscriptionMode mode : values()) {
                if (mode.wireName.equals(name)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(
                    "subscriptionMode must be static, dynamic or dynamic-private: " + name);
        }
    }

    /**
     * The options of Node's sharded adapter, with its defaults. Set them the same way on every
     * server of the cluster.
     *
     * <p>Thread-safety: immutable.
     *
     * @param channelPrefix the prefix of the channels; default {@code socket.io}
     * @param subscriptionMode default {@link SubscriptionMode#DYNAMIC}
     */
    public record Options(String channelPrefix, SubscriptionMode subscriptionMode) {

        public Options {
            Objects.requireNonNull(channelPrefix, "channelPrefix");
            Objects.requireNonNull(subscriptionMode, "subscriptionMode");
            if (channelPrefix.isEmpty()) {
                throw new IllegalArgumentException("channelPrefix must not be empty");
            }
        }

        /** The defaults. */
        public static Options defaults() {
            return builder().build();
        }

        /** A builder holding the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these options. */
        public Builder toBuilder() {
            return new Builder().channelPrefix(channelPrefix).subscriptionMode(subscriptionMode);
        }

        /**
         * Builds {@link Options}.
         *
         * <p>Thread-safety: not thread-safe; confine a builder to one thread.
         */
        public static final class Builder {
            private String channelPrefix = "socket.io";
            private SubscriptionMode subscriptionMode = SubscriptionMode.DYNAMIC;

            private Builder() {}

            /** The prefix of the channels. */
            public Builder channelPrefix(String channelPrefix) {
                this.channelPrefix = Objects.requireNonNull(channelPrefix, "channelPrefix");
                return this;
            }

            /** How many channels a namespace uses. */
            public Builder subscriptionMode(SubscriptionMode mode) {
                this.subscriptionMode = Objects.requireNonNull(mode, "subscriptionMode");
                return this;
            }

            /**
             * The options.
             *
             * @throws IllegalArgumentException naming the invalid option
             */
            public Options build() {
                return new Options(channelPrefix, subscriptionMode);
            }
        }
    }

    private RedisShardedAdapterFactory(ShardedBus bus, Options options) {
        this.bus = bus;
        this.options = options;
    }

    /**
     * Connects to one Redis 7 (no cluster) with the default options.
     *
     * @param redisUri such as {@code redis://127.0.0.1:6379} (Lettuce's URI syntax)
     * @throws RuntimeException when Redis cannot be reached
     */
    public static RedisShardedAdapterFactory connect(String redisUri) {
        return connect(redisUri, Options.defaults());
    }

    /** Connects to one Redis 7 (no cluster) with {@code options}. */
    public static RedisShardedAdapterFactory connect(String redisUri, Options options) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(options, "options");
        return new RedisShardedAdapterFactory(ShardedBus.connect(redisUri), options);
    }

    /**
     * Connects to a Redis Cluster with the default options.
     *
     * @param seedUris some nodes of the cluster, such as {@code redis://10.0.0.1:7000}; the others
     *     are found from them
     * @throws RuntimeException when no seed node answers
     */
    public static RedisShardedAdapterFactory connectCluster(List<String> seedUris) {
        return connectCluster(seedUris, Options.defaults());
    }

    /** Connects to a Redis Cluster with {@code options}. */
    public static RedisShardedAdapterFactory connectCluster(
            List<String> seedUris, Options options) {
        Objects.requireNonNull(options, "options");
        if (seedUris.isEmpty()) {
            throw new IllegalArgumentException("seedUris must name at least one node");
        }
        return new RedisShardedAdapterFactory(
                ShardedBus.connectCluster(List.copyOf(seedUris)), options);
    }

    @Override
    public Adapter create(AdapterContext context) {
        return new ShardedRedisAdapter(
                context, bus, options.channelPrefix(), options.subscriptionMode());
    }

    /** Closes the Redis connections. Close the server first. */
    @Override
    public void close() {
        bus.close();
    }
}
