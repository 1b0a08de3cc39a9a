package io.jsocketio.internal;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.RoomListener;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The adapter of a parent namespace: it has no sockets of its own and forwards every operation to
 * the adapters of the children (each rewrites the packet's namespace to its own).
 */
final class ParentAdapter implements Adapter {
    private final ParentNamespaceImpl parent;

    ParentAdapter(ParentNamespaceImpl parent) {
        this.parent = parent;
    }

    @Override
    public CompletionStage<Void> addAll(String id, Set<String> rooms) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> del(String id, String room) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void delAll(String id) {}

    @Override
    public Map<String, Set<String>> rooms() {
        return Map.of();
    }

    @Override
    public Optional<Set<String>> socketRooms(String id) {
        return Optional.empty();
    }

    @Override
    public void addRoomListener(RoomListener listener) {}

    @Override
    public void removeRoomListener(RoomListener listener) {}

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions opts) {
        for (NamespaceImpl child : parent.children()) {
            child.adapter().broadcast(packet.withNamespace(child.name()), opts);
        }
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<Args> ack) {
        AtomicInteger total = new AtomicInteger();
        for (NamespaceImpl child : parent.children()) {
            child.adapter()
                    .broadcastWithAck(
                            packet.withNamespace(child.name()), opts, total::addAndGet, ack);
        }
        clientCount.accept(total.get());
    }

    @Override
    public void removeAcks(long ackId, BroadcastOptions opts) {
        for (NamespaceImpl child : parent.children()) {
            child.adapter().removeAcks(ackId, opts);
        }
    }

    @Override
    public CompletionStage<Set<String>> sockets(Set<String> rooms) {
        Set<String> all = new LinkedHashSet<>();
        for (NamespaceImpl child : parent.children()) {
            all.addAll(child.adapter().sockets(rooms).toCompletableFuture().getNow(Set.of()));
        }
        return CompletableFuture.completedFuture(Set.copyOf(all));
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        return CompletableFuture.completedFuture(new ArrayList<>());
    }

    @Override
    public CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms) {
        for (NamespaceImpl child : parent.children()) {
            child.adapter().addSockets(opts, rooms);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms) {
        for (NamespaceImpl child : parent.children()) {
            child.adapter().delSockets(opts, rooms);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        for (NamespaceImpl child : parent.children()) {
            child.adapter().disconnectSockets(opts, close);
        }
    }
}
