package io.jsocketio.internal;

import io.jsocketio.AckCallback;
import io.jsocketio.Handshake;
import io.jsocketio.RemoteSocket;
import io.jsocketio.SocketEmitter;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.BroadcastOptions;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A socket of another server of the cluster: every operation goes through the adapter. */
final class RemoteSocketImpl implements RemoteSocket {
    private final NamespaceImpl nsp;
    private final Adapter adapter;
    private final String id;
    private final Handshake handshake;
    private final Set<String> rooms;
    private final @Nullable JsonValue data;
    private final BroadcastFlags flags;

    RemoteSocketImpl(
            NamespaceImpl nsp,
            Adapter adapter,
            String id,
            Handshake handshake,
            Set<String> rooms,
            @Nullable JsonValue data) {
        this(nsp, adapter, id, handshake, rooms, data, BroadcastFlags.NONE);
    }

    private RemoteSocketImpl(
            NamespaceImpl nsp,
            Adapter adapter,
            String id,
            Handshake handshake,
            Set<String> rooms,
            @Nullable JsonValue data,
            BroadcastFlags flags) {
        this.nsp = nsp;
        this.adapter = adapter;
        this.id = id;
        this.handshake = handshake;
        this.rooms = Collections.unmodifiableSet(new LinkedHashSet<>(rooms));
        this.data = data;
        this.flags = flags;
    }

    private RemoteSocketImpl with(BroadcastFlags f) {
        return new RemoteSocketImpl(nsp, adapter, id, handshake, rooms, data, f);
    }

    private BroadcastOperatorImpl operator() {
        return new BroadcastOperatorImpl(nsp, Set.of(id), Set.of(), flags);
    }

    private BroadcastOptions self() {
        return new BroadcastOptions(Set.of(id), Set.of(), BroadcastFlags.NONE);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public Set<String> rooms() {
        return rooms;
    }

    @Override
    public <T> Optional<T> data(Class<T> type) {
        return DataValues.as(data, type);
    }

    @Override
    public <T> Optional<T> data(String key, Class<T> type) {
        return DataValues.attribute(data, key, type);
    }

    @Override
    public CompletionStage<Void> join(String room) {
        return join(List.of(room));
    }

    @Override
    public CompletionStage<Void> join(Collection<String> rooms) {
        return adapter.addSockets(self(), new LinkedHashSet<>(rooms));
    }

    @Override
    public CompletionStage<Void> leave(String room) {
        return adapter.delSockets(self(), Set.of(room));
    }

    @Override
    public void disconnect(boolean close) {
        adapter.disconnectSockets(self(), close);
    }

    @Override
    public void emit(String event, Object... args) {
        operator().emit(event, args);
    }

    @Override
    public void emit(String event, @Nullable AckCallback ack, Object... args) {
        if (ack == null) {
            emit(event, JsonMapping.prepend(null, args));
        } else {
            operator().emitSingle(event, ack, args);
        }
    }

    @Override
    public SocketEmitter timeout(Duration timeout) {
        return with(flags.withTimeout(SocketEmitterImpl.checkTimeout(timeout)));
    }

    @Override
    public SocketEmitter asVolatile() {
        return with(flags.withVolatile());
    }

    @Override
    public SocketEmitter compress(boolean compress) {
        return with(flags.withCompress(compress));
    }

    @Override
    public String toString() {
        return "RemoteSocket[" + id + " " + nsp.name() + "]";
    }
}
