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
 * every other operation returns at once.
 */
public final class RedisAdapterFactory implements AdapterFactory, AutoCloseable {
    private final RedisBus bus;
    private final Options options;

    /**
     * The options of the Node adapter that this one supports.
     *
     * <p>Thread-safety: immutable.
     *
     * @param key the channel prefix ({@code socket.io})
     * @param requestsTimeout how long cluster requests (fetchSockets, serverSideEmit with acks)
     *     wait for the other servers (5 s)
     * @param publishOnSpecificResponseChannel whether answers go to the requester's own response
     *     channel ({@code <key>-response#<nsp>#<uid>#}) rather than the common one (false)
     */
    public record Options(
            String key, Duration requestsTimeout, boolean publishOnSpecificResponseChannel) {

        public Options {
            Objects.requireNonNull(key, "key");
            if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
                throw new IllegalArgumentException("requestsTimeout must be positive");
            }
        }

        /** The Node adapter's defaults. */
        public static Options defaults() {
            return new Options("socket.io", Duration.ofSeconds(5), false);
        }

        /** A copy with another channel prefix. */
        public Options withKey(String key) {
            return new Options(key, requestsTimeout, publishOnSpecificResponseChannel);
        }

        /** A copy with another requests timeout. */
        public Options withRequestsTimeout(Duration timeout) {
            return new Options(key, timeout, publishOnSpecificResponseChannel);
        }

        /** A copy answering on the requester's own response channel. */
        public Options withPublishOnSpecificResponseChannel(boolean specific) {
            return new Options(key, requestsTimeout, specific);
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
