package io.jsocketio.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A Redis Cluster: a shard channel lives on the master serving its hash slot. Publishing goes
 * through Lettuce's cluster connection, which routes {@code SPUBLISH} by slot and follows {@code
 * MOVED}; the topology is read again on Lettuce's adaptive triggers, every 10 s, and when {@link
 * #refresh} is called.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class ClusterRouter implements ShardRouter {
    private final RedisClusterClient client;
    private final RedisClient subscriberClient;
    private final StatefulRedisClusterConnection<byte[], byte[]> pub;

    ClusterRouter(List<String> seeds) {
        List<RedisURI> uris = new ArrayList<>();
        for (String seed : seeds) {
            uris.add(RedisURI.create(seed));
        }
        this.client = RedisClusterClient.create(uris);
        this.subscriberClient = RedisClient.create(client.getResources());
        try {
            client.setOptions(
                    ClusterClientOptions.builder()
                            .autoReconnect(true)
                            .disconnectedBehavior(
                                    ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .topologyRefreshOptions(
                                    ClusterTopologyRefreshOptions.builder()
                                            .enablePeriodicRefresh(Duration.ofSeconds(10))
                                            .enableAllAdaptiveRefreshTriggers()
                                            .build())
                            .build());
            subscriberClient.setOptions(ClientOptions.builder().autoReconnect(false).build());
            this.pub = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            ShardRouter.shutdown(null, subscriberClient, client);
            throw e;
        }
    }

    @Override
    public @Nullable RedisURI nodeFor(String channel) {
        RedisClusterNode master =
                client.getPartitions()
                        .getMasterBySlot(
                                SlotHash.getSlot(channel.getBytes(StandardCharsets.UTF_8)));
        return master == null ? null : master.getUri();
    }

    @Override
    public CompletionStage<Void> refresh() {
        return client.refreshPartitionsAsync();
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] message) {
        return pub.async().spublish(channel.getBytes(StandardCharsets.UTF_8), message);
    }

    @Override
    public CompletionStage<Long> numsub(String channel) {
        RedisURI node = nodeFor(channel);
        if (node == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("no master serves " + channel));
        }
        byte[] raw = channel.getBytes(StandardCharsets.UTF_8);
        try {
            return pub.getConnectionAsync(node.getHost(), node.getPort())
                    .thenCompose(c -> c.async().pubsubShardNumsub(raw))
                    .thenApply(ShardRouter::first);
        } catch (RuntimeException e) { // a node the topology no longer knows: thrown, not failed
            return CompletableFuture.failedFuture(e);
        }
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
