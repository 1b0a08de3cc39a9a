package io.jsocketio.redis;

import io.jsocketio.redis.internal.RedisAdapter;
import io.jsocketio.redis.internal.RedisBus;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Joins a server to a Socket.IO cluster over Redis, with the wire format of npm {@code
 * @socket.io/redis-adapter} 8.x: Java and Node.js servers, and {@code @socket.io/redis-emitter},
 * share rooms, broadcasts and requests. One factory holds one Redis connection pair (publish and
 * subscribe) for every namespace of the server; close it after the server.
 *
 * <pre>{@code
 * RedisAdapterFactory redis = RedisAdapterFactory.connect("redis://127.0.0.1:6379");
 * Server io = new Server(3000);
 * io.adapter(redis);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. Only {@link #connect} blocks (until Redis answers);
 * every other operation returns at once, publishing without waiting. What other servers publish is
 * handled on one thread per factory ({@code jsocketio-redis}), in the order Redis delivered it;
 * listeners still run on the server's callback lane. While Redis is unreachable the factory logs a
 * WARNING, broadcasts reach this server's clients only, cluster requests answer with this server
 * alone, and Lettuce reconnects and subscribes again by itself.
 */
public final class RedisAdapterFactory implements AdapterFactory, AutoCloseable {
    private final RedisBus bus;
    private final Options options;

    /**
     * The options of the Node adapter that this one supports, with the Node adapter's defaults.
     *
     * <p>Thread-safety: immutable.
     *
     * @param key the channel prefix; default {@code socket.io}
     * @param requestsTimeout how long cluster requests ({@code fetchSockets}, {@code
     *     serverSideEmitWithAck}) wait for the other servers; default 5 s
     * @param publishOnSpecificResponseChannel whether answers go to the requester's own response
     *     channel ({@code <key>-response#<nsp>#<uid>#}) rather than the common one; default false.
     *     Set it the same way on every server of the cluster.
     */
    public record Options(
            String key, Duration requestsTimeout, boolean publishOnSpecificResponseChannel) {

        public Options {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "requestsTimeout must be positive: " + requestsTimeout);
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
            return new Builder()
                    .key(key)
                    .requestsTimeout(requestsTimeout)
                    .publishOnSpecificResponseChannel(publishOnSpecificResponseChannel);
        }

        /**
         * Builds {@link Options}.
         *
         * <p>Thread-safety: not thread-safe; confine a builder to one thread.
         */
        public static final class Builder {
            private String key = "socket.io";
            private Duration requestsTimeout = Duration.ofSeconds(5);
            private boolean publishOnSpecificResponseChannel;

            private Builder() {}

            /** The channel prefix ({@code key} in Node). */
            public Builder key(String key) {
                this.key = Objects.requireNonNull(key, "key");
                return this;
            }

            /** How long cluster requests wait for the other servers. */
            public Builder requestsTimeout(Duration timeout) {
                this.requestsTimeout = Objects.requireNonNull(timeout, "requestsTimeout");
                return this;
            }

            /** Whether answers go to the requester's own response channel. */
            public Builder publishOnSpecificResponseChannel(boolean specific) {
                this.publishOnSpecificResponseChannel = specific;
                return this;
            }

            /**
             * The options.
             *
             * @throws IllegalArgumentException naming the invalid option
             */
            public Options build() {
                return new Options(key, requestsTimeout, publishOnSpecificResponseChannel);
            }
        }
    }

    private RedisAdapterFactory(RedisBus bus, Options options) {
        this.bus = bus;
        this.options = options;
    }

    /**
     * Connects to Redis with the default options.
     *
     * @param redisUri such as {@code redis://127.0.0.1:6379} (Lettuce's URI syntax)
     * @throws RuntimeException when Redis cannot be reached
     */
    public static RedisAdapterFactory connect(String redisUri) {
        return connect(redisUri, Options.defaults());
    }

    /** Connects to Redis with {@code options}. */
    public static RedisAdapterFactory connect(String redisUri, Options options) {
        Objects.requireNonNull(options, "options");
        return new RedisAdapterFactory(RedisBus.connect(redisUri), options);
    }

    @Override
    public Adapter create(AdapterContext context) {
        return new RedisAdapter(
                context,
                bus,
                options.key(),
                options.requestsTimeout(),
                options.publishOnSpecificResponseChannel());
    }

    /** Closes the Redis connections. Close the server first. */
    @Override
    public void close() {
        bus.close();
    }
}
