package io.jsocketio.redis.internal;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.RoomListener;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the Redis adapters (pub/sub, sharded and streams) keep on this server: the room index of the
 * in-memory adapter they wrap ({@link #local}), to which room changes and lookups go unchanged; the
 * cluster-wide operations are theirs.
 *
 * <p>Thread-safety: safe for concurrent use, as the wrapped adapter is.
 */
public abstract class LocalIndexAdapter implements Adapter {
    /** The namespace's context. */
    protected final AdapterContext context;

    /** The plain in-memory adapter doing this server's part. */
    protected final Adapter local;

    protected LocalIndexAdapter(AdapterContext context) {
        this.context = context;
        this.local = AdapterFactory.inMemory().create(context);
    }

    /** The server count, or 1 when Redis cannot tell (this server alone answers). */
    protected final CompletionStage<Integer> serverCountOrOne() {
        return serverCount().exceptionally(e -> 1);
    }

    /**
     * {@code fetchSockets} across the cluster: this server's sockets, then, unless the options are
     * local or this server is alone, those of the other servers.
     *
     * @param askOthers publishes the request and completes with every server's sockets; it gets
     *     what collects the answers (this server's sockets already in it)
     */
    protected final CompletionStage<List<RemoteSocket>> fetchFromCluster(
            BroadcastOptions opts,
            Function<Pending.Fetch, CompletionStage<List<RemoteSocket>>> askOthers) {
        CompletionStage<List<RemoteSocket>> localSockets = local.fetchSockets(opts);
        if (opts.flags().local()) {
            return localSockets;
        }
        return localSockets.thenCompose(
                mine ->
                        serverCountOrOne()
                                .thenCompose(
                                        count ->
                                                count <= 1
                                                        ? CompletableFuture.completedFuture(mine)
                                                        : askOthers.apply(
                                                                new Pending.Fetch(
                                                                        count,
                                                                        mine,
                                                                        o ->
                                                                                SocketDetails
                                                                                        .fromWire(
                                                                                                context,
                                                                                                this,
                                                                                                o)))));
    }

    /**
     * {@code serverSideEmitWithAck} across the cluster: no answer when this server is alone, else
     * one acknowledgement per other server.
     *
     * @param key the answer's field holding the acknowledgement value
     * @param askOthers publishes the request and completes with the acknowledgements; it gets what
     *     collects them
     */
    protected final CompletionStage<List<Args>> emitToOthers(
            String key, Function<Pending.Emit, CompletionStage<List<Args>>> askOthers) {
        return serverCountOrOne()
                .thenCompose(
                        count ->
                                count <= 1
                                        ? CompletableFuture.completedFuture(List.<Args>of())
                                        : askOthers.apply(
                                                new Pending.Emit(count - 1, key, this::argsOf)));
    }

    /** One acknowledgement value that came from another server, as {@link Args}. */
    protected final Args argsOf(@Nullable Object value) {
        List<byte[]> attachments = new ArrayList<>();
        JsonValue json = Values.toJson(value, attachments);
        return context.args(Values.JSON.createArrayBuilder().add(json).build(), attachments);
    }

    /** {@code packet} addressed to this adapter's namespace. */
    protected final SocketPacket own(SocketPacket packet) {
        return packet.withNamespace(context.name());
    }

    @Override
    public final CompletionStage<Void> addAll(String id, Set<String> rooms) {
        return local.addAll(id, rooms);
    }

    @Override
    public final CompletionStage<Void> del(String id, String room) {
        return local.del(id, room);
    }

    @Override
    public final void delAll(String id) {
        local.delAll(id);
    }

    @Override
    public final Map<String, Set<String>> rooms() {
        return local.rooms();
    }

    @Override
    public final Optional<Set<String>> socketRooms(String id) {
        return local.socketRooms(id);
    }

    @Override
    public final void addRoomListener(RoomListener listener) {
        local.addRoomListener(listener);
    }

    @Override
    public final void removeRoomListener(RoomListener listener) {
        local.removeRoomListener(listener);
    }

    /** This server's sockets only, as the Node adapters 8.x answer. */
    @Override
    public final CompletionStage<Set<String>> sockets(Set<String> rooms) {
        return local.sockets(rooms);
    }

    @Override
    public final void removeAcks(long ackId, BroadcastOptions opts) {
        local.removeAcks(ackId, opts);
    }
}
