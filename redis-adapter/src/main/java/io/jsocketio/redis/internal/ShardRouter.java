package io.jsocketio.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Where shard channels live: one Redis (every channel on it) or the masters of a Redis Cluster
 * (each channel on the master serving its hash slot). Publishes with {@code SPUBLISH} and counts
 * subscribers with {@code PUBSUB SHARDNUMSUB} on the right node.
 *
 * <p>Thread-safety: implementations are safe for concurrent use and never block.
 */
interface ShardRouter extends AutoCloseable {

    /** The node currently serving {@code channel}, or null when the topology knows none. */
    @Nullable RedisURI nodeFor(String channel);

    /** Reads the topology again (after a failover or a slot move); completes when done. */
    CompletionStage<Void> refresh();

    /** {@code SPUBLISH channel message}: the number of subscribers that received it. */
    CompletionStage<Long> publish(String channel, byte[] message);

    /** {@code PUBSUB SHARDNUMSUB channel} on the node serving it. */
    CompletionStage<Long> numsub(String channel);

    /**
     * A client for the subscribing connections (one per node), sharing this router's resources; its
     * connections do not reconnect by themselves.
     */
    RedisClient subscriberClient();

    @Override
    void close();

    /**
     * Closes the publishing connection (before its client, which would close it a second time),
     * then both clients.
     */
    static void shutdown(
            io.lettuce.core.api.@Nullable StatefulConnection<?, ?> pub,
            RedisClient subscriberClient,
            io.lettuce.core.AbstractRedisClient client) {
        try {
            if (pub != null) {
                pub.close();
            }
            subscriberClient.shutdown();
        } finally {
            client.shutdown();
        }
    }

    /** The count of a one-channel {@code NUMSUB} answer. */
    static Long first(java.util.Map<byte[], Long> answer) {
        for (Long n : answer.values()) {
            return n;
        }
        return 0L;
    }
}
