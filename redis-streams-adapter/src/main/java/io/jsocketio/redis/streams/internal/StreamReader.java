package io.jsocketio.redis.streams.internal;

import io.jsocketio.redis.internal.RedisBus;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one stream from its end on, as the Node adapter does ({@code XREAD BLOCK <block> COUNT
 * <count> STREAMS <stream> $}, then from the last id read), on a connection of its own so that the
 * blocking read never holds up publishing. Each entry goes to {@code onEntry(id, fields)} on the
 * bus's inbound thread, in stream order.
 *
 * <p>Thread-safety: {@link #start} once; {@link #close} from any thread, idempotent.
 */
final class StreamReader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final RedisBus bus;
    private final byte[] stream;
    private final XReadArgs args;
    private final BiConsumer<String, Map<String, String>> onEntry;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private volatile @Nullable String offset; // null: "$" (only what is added from now on)
    private volatile boolean closed;

    StreamReader(
            RedisBus bus,
            String stream,
            int readCount,
            Duration block,
            BiConsumer<String, Map<String, String>> onEntry) {
        this.bus = bus;
        this.stream = stream.getBytes(StandardCharsets.UTF_8);
        this.args = XReadArgs.Builder.block(block).count(readCount);
        this.onEntry = onEntry;
        this.connection = bus.connectAnother();
        // a blocked XREAD must not time out on the client's side first
        connection.setTimeout(block.plusSeconds(30));
    }

    void start() {
        poll();
    }

    private void poll() {
        if (closed) {
            return;
        }
        String from = offset;
        XReadArgs.StreamOffset<byte[]> at =
                from == null
                        ? XReadArgs.StreamOffset.latest(stream)
                        : XReadArgs.StreamOffset.from(stream, from);
        connection
                .async()
                .xread(args, at)
                .whenComplete(
                        (entries, error) -> {
                            if (error != null) {
                                if (!closed) {
                                    LOG.log(
                                            System.Logger.Level.DEBUG,
                                            () -> "reading the stream failed, retrying: " + error);
                                    CompletableFuture.delayedExecutor(
                                                    RETRY.toMillis(), TimeUnit.MILLISECONDS)
                                            .execute(this::poll);
                                }
                                return;
                            }
                            deliver(entries);
                            poll();
                        });
    }

    private void deliver(@Nullable List<StreamMessage<byte[], byte[]>> entries) {
        if (entries == null) {
            return;
        }
        for (StreamMessage<byte[], byte[]> entry : entries) {
            String id = entry.getId();
            Map<String, String> fields = ClusterMessage.fields(entry.getBody());
            offset = id;
            bus.execute(() -> onEntry.accept(id, fields));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.closeAsync();
    }
}
