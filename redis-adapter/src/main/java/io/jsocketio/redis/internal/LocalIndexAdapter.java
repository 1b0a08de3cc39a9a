package io.jsocketio.redis.internal;

import io.jsocketio.Args;
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
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * What both Redis adapters keep on this server: the room index of the in-memory adapter they wrap
 * ({@link #local}), to which room changes and lookups go unchanged; the cluster-wide operations are
 * theirs.
 *
 * <p>Thread-safety: safe for concurrent use, as the wrapped adapter is.
 */
abstract class LocalIndexAdapter implements Adapter {
    final AdapterContext context;
    final Adapter local;

    LocalIndexAdapter(AdapterContext context) {
        this.context = context;
        this.local = AdapterFactory.inMemory().create(context);
    }

    /** The server count, or 1 when Redis cannot tell (this server alone answers). */
    final CompletionStage<Integer> serverCountOrOne() {
        return serverCount().exceptionally(e -> 1);
    }

    /** One acknowledgement value that came from another server, as {@link Args}. */
    final Args argsOf(@Nullable Object value) {
        List<byte[]> attachments = new ArrayList<>();
        JsonValue json = Values.toJson(value, attachments);
        return context.args(Values.JSON.createArrayBuilder().add(json).build(), attachments);
    }

    /** {@code packet} addressed to this adapter's namespace. */
    final SocketPacket own(SocketPacket packet) {
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
