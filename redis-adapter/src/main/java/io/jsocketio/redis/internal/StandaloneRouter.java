package io.jsocketio.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Redis 7 (no cluster): every shard channel lives on it. Publishes over one connection that
 * Lettuce reconnects by itself; commands sent while Redis is unreachable fail at once.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class StandaloneRouter implements ShardRouter {
    private final RedisURI uri;
    private final RedisClient client;
    private final RedisClient subscriberClient;
    private final StatefulRedisConnection<byte[], byte[]> pub;

    StandaloneRouter(String redisUri) {
        this.uri = RedisURI.create(redisUri);
        this.client = RedisClient.create(uri);
        this.subscriberClient = RedisClient.create(client.getResources(), uri);
        try {
            client.setOptions(
                    ClientOptions.builder()
                            .autoReconnect(true)
                            .disconnectedBehavior(
                                    ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .build());
            subscriberClient.setOptions(ClientOptions.builder().autoReconnect(false).build());
            this.pub = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            ShardRouter.shutdown(null, subscriberClient, client);
            throw e;
        }
    }

    @Override
    public RedisURI nodeFor(String channel) {
        return uri;
    }

    @Override
    public CompletionStage<Void> refresh() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] message) {
        return pub.async().spublish(channel.getBytes(StandardCharsets.UTF_8), message);
    }

    @Override
    public CompletionStage<Long> numsub(String channel) {
        byte[] raw = channel.getBytes(StandardCharsets.UTF_8);
        return pub.async().pubsubShardNumsub(raw).thenApply(ShardRouter::first);
    }

    @Override
    public RedisClient subscriberClient() {
        return subscriberClient;
    }

    @Override
    public void close() {
        ShardRouter.shutdown(pub, subscriberClient, client);
    }
}
