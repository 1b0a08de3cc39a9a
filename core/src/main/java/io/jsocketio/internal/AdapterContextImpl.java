package io.jsocketio.internal;

import io.jsocketio.Args;
import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.Handshake;
import io.jsocketio.Namespace;
import io.jsocketio.RemoteSocket;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.EncodedPacket;
import io.jsocketio.spi.LocalSocket;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What an adapter sees of one namespace. */
final class AdapterContextImpl implements AdapterContext {
    private final NamespaceImpl nsp;

    AdapterContextImpl(NamespaceImpl nsp) {
        this.nsp = nsp;
    }

    @Override
    public String name() {
        return nsp.name();
    }

    @Override
    public Namespace namespace() {
        return nsp;
    }

    @Override
    public Optional<LocalSocket> socket(String id) {
        SocketImpl s = nsp.localSocket(id);
        return Optional.ofNullable(s);
    }

    @Override
    public Collection<LocalSocket> sockets() {
        return List.copyOf(nsp.localSockets());
    }

    @Override
    public EncodedPacket encode(SocketPacket packet) {
        return new EncodedPacket(packet, nsp.serverImpl().options().parser().encode(packet));
    }

    @Override
    public long nextAckId() {
        return nsp.nextAckId();
    }

    @Override
    public Scheduler scheduler() {
        return nsp.serverImpl().scheduler();
    }

    @Override
    public Executor executor() {
        return nsp.serverImpl().callbackLane();
    }

    @Override
    public Args args(JsonArray data, List<byte[]> attachments) {
        return new ArgsImpl(List.copyOf(data), List.copyOf(attachments));
    }

    @Override
    public RemoteSocket remoteSocket(
            Adapter adapter,
            String id,
            Handshake handshake,
            Set<String> rooms,
            @Nullable JsonValue data) {
        return new RemoteSocketImpl(nsp, adapter, id, handshake, rooms, data);
    }

    @Override
    public void onServerSideEmit(SocketPacket packet, @Nullable Consumer<SocketPacket> reply) {
        nsp.onServerSideEmit(packet, reply);
    }

    @Override
    public Optional<ConnectionStateRecovery> connectionStateRecovery() {
        return Optional.ofNullable(nsp.serverImpl().options().connectionStateRecovery());
    }
}
