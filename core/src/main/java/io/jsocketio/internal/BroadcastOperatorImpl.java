package io.jsocketio.internal;

import io.jsocketio.AckCallback;
import io.jsocketio.BroadcastAckCallback;
import io.jsocketio.BroadcastOperator;
import io.jsocketio.RemoteSocket;
import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.BroadcastOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** An immutable selection of sockets of one namespace, with flags. */
final class BroadcastOperatorImpl implements BroadcastOperator {
    private final NamespaceImpl nsp;
    private final Set<String> rooms;
    private final Set<String> except;
    private final BroadcastFlags flags;

    BroadcastOperatorImpl(
            NamespaceImpl nsp, Set<String> rooms, Set<String> except, BroadcastFlags flags) {
        this.nsp = nsp;
        this.rooms = rooms;
        this.except = except;
        this.flags = flags;
    }

    private static Set<String> plus(Set<String> set, Collection<String> more) {
        LinkedHashSet<String> out = new LinkedHashSet<>(set);
        for (String room : more) {
            out.add(Objects.requireNonNull(room, "room"));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, flags);
    }

    private Adapter adapter() {
        return nsp.adapter();
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return new BroadcastOperatorImpl(nsp, plus(this.rooms, rooms), except, flags);
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return new BroadcastOperatorImpl(nsp, this.rooms, plus(except, rooms), flags);
    }

    @Override
    public BroadcastOperator compress(boolean compress) {
        return new BroadcastOperatorImpl(nsp, rooms, except, flags.withCompress(compress));
    }

    @Override
    public BroadcastOperator asVolatile() {
        return new BroadcastOperatorImpl(nsp, rooms, except, flags.withVolatile());
    }

    @Override
    public BroadcastOperator local() {
        return new BroadcastOperatorImpl(nsp, rooms, except, flags.withLocal());
    }

    @Override
    public BroadcastOperator timeout(Duration timeout) {
        return new BroadcastOperatorImpl(
                nsp, rooms, except, flags.withTimeout(SocketEmitterImpl.checkTimeout(timeout)));
    }

    @Override
    public void emit(String event, Object... args) {
        Objects.requireNonNull(event, "event");
        Events.checkEmit(event);
        SocketPacket packet = JsonMapping.eventPayload(event, args).event(nsp.name(), null);
        adapter().broadcast(packet, options());
    }

    @Override
    public void emit(String event, @Nullable BroadcastAckCallback ack, Object... args) {
        Objects.requireNonNull(event, "event");
        if (ack == null) {
            emit(event, JsonMapping.prepend(null, args));
            return;
        }
        Events.checkEmit(event);
        Duration timeout = flags.timeout();
        if (timeout == null) {
            throw new IllegalStateException(
                    "a broadcast with acknowledgements needs a timeout: call timeout(d) first");
        }
        long ackId = nsp.nextAckId();
        SocketPacket packet = JsonMapping.eventPayload(event, args).event(nsp.name(), ackId);
        BroadcastOptions opts = options();
        Adapter adapter = adapter();
        ServerImpl server = nsp.serverImpl();
        AckCollector collector =
                new AckCollector(
                        ack, server.callbackLane(), timeout, () -> adapter.removeAcks(ackId, opts));
        collector.start(server.scheduler());
        adapter.broadcastWithAck(packet, opts, collector::clientCount, collector::response);
        adapter.serverCount()
                .whenComplete((count, error) -> collector.serverCount(error != null ? 1 : count));
    }

    /** As a remote socket's emit with ack: one response expected. */
    void emitSingle(String event, AckCallback ack, Object... args) {
        emit(
                event,
                (error, responses) -> {
                    if (error != null) {
                        ack.onAck(error, ArgsImpl.empty());
                    } else {
                        ack.onAck(null, responses.isEmpty() ? ArgsImpl.empty() : responses.get(0));
                    }
                },
                args);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return nsp.fetchSockets(options());
    }

    @Override
    public CompletionStage<Set<String>> allSockets() {
        return adapter().sockets(rooms);
    }

    @Override
    public void socketsJoin(Collection<String> rooms) {
        adapter().addSockets(options(), plus(Set.of(), rooms));
    }

    @Override
    public void socketsLeave(Collection<String> rooms) {
        adapter().delSockets(options(), plus(Set.of(), rooms));
    }

    @Override
    public void disconnectSockets(boolean close) {
        adapter().disconnectSockets(options(), close);
    }

    @Override
    public String toString() {
        return "BroadcastOperator["
                + nsp.name()
                + " to "
                + rooms
                + " except "
                + except
                + " "
                + flags
                + "]";
    }
}
