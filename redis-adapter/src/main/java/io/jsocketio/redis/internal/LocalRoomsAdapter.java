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
 * What the Redis adapters (pub/sub and streams) keep on this server: the room index of the
 * in-memory adapter they wrap, which does their local work, and the helpers both need.
 *
 * <p>Thread-safety: safe for concurrent use, as the in-memory adapter is.
 */
public abstract class LocalRoomsAdapter implements Adapter {
    /** The namespace's context. */
    protected final AdapterContext context;

    /** The plain in-memory adapter doing this server's part. */
    protected final Adapter local;

    protected LocalRoomsAdapter(AdapterContext context) {
        this.context = context;
        this.local = AdapterFactory.inMemory().create(context);
    }

    @Override
    public CompletionStage<Void> addAll(String id, Set<String> rooms) {
        return local.addAll(id, rooms);
    }

    @Override
    public CompletionStage<Void> del(String id, String room) {
        return local.del(id, room);
    }

    @Override
    public void delAll(String id) {
        local.delAll(id);
    }

    @Override
    public Map<String, Set<String>> rooms() {
        return local.rooms();
    }

    @Override
    public Optional<Set<String>> socketRooms(String id) {
        return local.socketRooms(id);
    }

    @Override
    public void addRoomListener(RoomListener listener) {
        local.addRoomListener(listener);
    }

    @Override
    public void removeRoomListener(RoomListener listener) {
        local.removeRoomListener(listener);
    }

    @Override
    public CompletionStage<Set<String>> sockets(Set<String> rooms) {
        // as the Node adapters: this server's sockets only
        return local.sockets(rooms);
    }

    @Override
    public void removeAcks(long ackId, BroadcastOptions opts) {
        local.removeAcks(ackId, opts);
    }

    /** The packet addressed to this namespace. */
    protected SocketPacket own(SocketPacket packet) {
        return packet.withNamespace(context.name());
    }

    /** One argument read from a value tree (an acknowledgement from another server). */
    protected Args argsOf(@Nullable Object value) {
        List<byte[]> attachments = new ArrayList<>();
        JsonValue json = Values.toJson(value, attachments);
        return context.args(Values.JSON.createArrayBuilder().add(json).build(), attachments);
    }

    /** The number of servers, or 1 when Redis cannot tell. */
    protected CompletionStage<Integer> serverCountOrOne() {
        return serverCount().exceptionally(e -> 1);
    }
}
