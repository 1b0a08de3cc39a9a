package io.jsocketio.redis.streams.internal;

import io.jsocketio.redis.internal.RedisBus;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server's membership in a Redis Streams cluster (Node's {@code createAdapter(...)}): the Redis
 * connections, the reader of the stream, and the adapter of each namespace, to which the stream's
 * entries are routed by namespace.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class StreamsCluster implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamsCluster.class.getName());

    private final RedisBus bus;
    private final StreamsSettings settings;
    private final StreamReader reader;
    private final Map<String, StreamsAdapter> adapters = new ConcurrentHashMap<>();

    /**
     * Connects and starts reading the stream from its end.
     *
     * @param readCount the entries fetched per {@code XREAD}
     * @param blockTime how long one {@code XREAD} blocks
     */
    public StreamsCluster(
            String redisUri, StreamsSettings settings, int readCount, Duration blockTime) {
        this.bus = RedisBus.connect(redisUri);
        this.settings = settings;
        try {
            this.reader =
                    new StreamReader(bus, settings.streamName(), readCount, blockTime, this::route);
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
        reader.start();
    }

    private void route(String id, Map<String, String> fields) {
        String nsp = fields.get("nsp");
        StreamsAdapter adapter = nsp == null ? null : adapters.get(nsp);
        if (adapter == null) {
            return;
        }
        ClusterMessage message;
        try {
            message = ClusterMessage.fromEntry(fields);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "ignored stream entry " + id + ": " + e);
            return;
        }
        adapter.onEntry(id, message);
    }

    /** The adapter of a namespace. */
    public Adapter create(AdapterContext context) {
        String nsp = context.name();
        StreamsAdapter[] self = new StreamsAdapter[1];
        self[0] = new StreamsAdapter(context, bus, settings, () -> adapters.remove(nsp, self[0]));
        adapters.put(nsp, self[0]);
        return self[0];
    }

    @Override
    public void close() {
        reader.close();
        bus.close();
    }
}
