package io.jsocketio.redis.streams;

import io.jsocketio.redis.streams.internal.StreamsCluster;
import io.jsocketio.redis.streams.internal.StreamsSettings;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Joins a server to a Socket.IO cluster over Redis Streams, with the wire format of npm {@code
 * @socket.io/redis-streams-adapter} 0.3.x: Java and Node.js servers share rooms, broadcasts and
 * requests, and with connection state recovery on, a client that dropped from one server recovers
 * its session (id, rooms, data, missed packets) on any other. One factory holds the Redis
 * connections (publish, subscribe, and one that reads the stream) for every namespace of the
 * server; close it after the server.
 *
 * <pre>{@code
 * RedisStreamsAdapterFactory redis = RedisStreamsAdapterFactory.connect("redis://127.0.0.1:6379");
 * Server io = new Server(3000, ServerOptions.builder()
 *         .adapter(redis)
 *         .connectionStateRecovery()
 *         .build());
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. Only {@link #connect} blocks (until Redis answers).
 * What the stream and the channels bring is handled on one thread per factory ({@code
 * jsocketio-redis}), in order.
 */
public final class RedisStreamsAdapterFactory implements AdapterFactory, AutoCloseable {
    private final StreamsCluster cluster;

    /**
     * The options of the Node adapter that this one supports, with its defaults (one stream: {@code
     * streamCount} 1; pub/sub, not sharded).
     *
     * <p>Thread-safety: immutable.
     *
     * @param streamName the stream; default {@code socket.io}
     * @param channelPrefix the prefix of the pub/sub channels; default {@code socket.io}
     * @param maxLen the approximate bound of the stream ({@code XADD ... MAXLEN ~}); default 10,000
     * @param readCount the entries fetched per {@code XREAD}; default 100
     * @param blockTime how long one {@code XREAD} blocks; default 5 s
     * @param sessionKeyPrefix the prefix of the keys holding recoverable sessions; default {@code
     *     sio:session:}
     * @param requestsTimeout how long cluster requests ({@code fetchSockets}, {@code
     *     serverSideEmitWithAck}) wait for the other servers; default 5 s
     */
    public record Options(
            String streamName,
            String channelPrefix,
            long maxLen,
            int readCount,
            Duration blockTime,
            String sessionKeyPrefix,
            Duration requestsTimeout) {

        public Options {
            Objects.requireNonNull(streamName, "streamName");
            Objects.requireNonNull(channelPrefix, "channelPrefix");
            Objects.requireNonNull(sessionKeyPrefix, "sessionKeyPrefix");
            if (streamName.isEmpty()) {
                throw new IllegalArgumentException("streamName must not be empty");
            }
            if (maxLen <= 0) {
                throw new IllegalArgumentException("maxLen must be positive: " + maxLen);
            }
            if (readCount <= 0) {
                throw new IllegalArgumentException("readCount must be positive: " + readCount);
            }
            if (blockTime.isNegative() || blockTime.isZero()) {
                throw new IllegalArgumentException("blockTime must be positive: " + blockTime);
            }
            if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "requestsTimeout must be positive: " + requestsTimeout);
            }
        }

        /** The defaults. */
        public static Options defaults() {
            return new Options(
                    "socket.io",
                    "socket.io",
                    10_000,
                    100,
                    Duration.ofSeconds(5),
                    "sio:session:",
                    Duration.ofSeconds(5));
        }

        /** A copy with another stream name. */
        public Options withStreamName(String name) {
            return new Options(
                    name,
                    channelPrefix,
                    maxLen,
                    readCount,
                    blockTime,
                    sessionKeyPrefix,
                    requestsTimeout);
        }

        /** A copy with another bound of the stream. */
        public Options withMaxLen(long max) {
            return new Options(
                    streamName,
                    channelPrefix,
                    max,
                    readCount,
                    blockTime,
                    sessionKeyPrefix,
                    requestsTimeout);
        }

        /** A copy with another requests timeout. */
        public Options withRequestsTimeout(Duration timeout) {
            return new Options(
                    streamName,
                    channelPrefix,
                    maxLen,
                    readCount,
                    blockTime,
                    sessionKeyPrefix,
                    timeout);
        }
    }

    private RedisStreamsAdapterFactory(StreamsCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Connects to Redis with the default options and starts reading the stream.
     *
     * @param redisUri such as {@code redis://127.0.0.1:6379} (Lettuce's URI syntax)
     * @throws RuntimeException when Redis cannot be reached
     */
    public static RedisStreamsAdapterFactory connect(String redisUri) {
        return connect(redisUri, Options.defaults());
    }

    /** Connects to Redis with {@code options}. */
    public static RedisStreamsAdapterFactory connect(String redisUri, Options options) {
        Objects.requireNonNull(options, "options");
        StreamsSettings settings =
                new StreamsSettings(
                        options.streamName(),
                        options.channelPrefix(),
                        options.maxLen(),
                        options.sessionKeyPrefix(),
                        options.requestsTimeout());
        return new RedisStreamsAdapterFactory(
                new StreamsCluster(redisUri, settings, options.readCount(), options.blockTime()));
    }

    @Override
    public Adapter create(AdapterContext context) {
        return cluster.create(context);
    }

    /** Closes the Redis connections. Close the server first. */
    @Override
    public void close() {
        cluster.close();
    }
}
