package io.jsocketio.internal;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.EncodedPacket;
import io.jsocketio.spi.LocalSocket;
import io.jsocketio.spi.RoomListener;
import io.jsocketio.spi.Session;
import io.jsocketio.spi.SessionToPersist;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The default adapter: the room index of one namespace on this server. {@code rooms} (room to ids)
 * and {@code sids} (id to rooms) change together under {@code lock}; sockets are selected under the
 * lock and written to after it is released.
 *
 * <p>The server's default ({@link #forServer}) is session-aware when connection state recovery is
 * on, as Node's {@code SessionAwareAdapter}: it keeps dropped sockets' sessions and a log of
 * replayable broadcasts ({@link SessionLog}), and appends each one's offset before encoding it
 * once. The plain one ({@code AdapterFactory.inMemory()}, what cluster adapters use for their local
 * work) does neither.
 */
public final class InMemoryAdapter implements Adapter {
    private static final System.Logger LOG = System.getLogger(InMemoryAdapter.class.getName());

    private final AdapterContext context;
    private final Object lock = new Object();
    private final Map<String, Set<String>> rooms = new HashMap<>(); // guarded by lock
    private final Map<String, Set<String>> sids = new LinkedHashMap<>(); // guarded by lock
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();
    private final @Nullable SessionLog sessions;

    /** The plain adapter of the namespace {@code context} describes (no session memory). */
    public InMemoryAdapter(AdapterContext context) {
        this(context, null);
    }

    private InMemoryAdapter(AdapterContext context, @Nullable SessionLog sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    /**
     * The server's default adapter: session-aware when the server has connection state recovery on,
     * else plain.
     */
    public static InMemoryAdapter forServer(AdapterContext context) {
        return new InMemoryAdapter(
                context,
                context.connectionStateRecovery()
                        .map(r -> new SessionLog(r, context.scheduler()))
                        .orElse(null));
    }

    @Override
    public void close() {
        if (sessions != null) {
            sessions.close();
        }
    }

    @Override
    public void persistSession(SessionToPersist session) {
        if (sessions != null) {
            sessions.persist(session);
        }
    }

    @Override
    public CompletionStage<Optional<Session>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(
                sessions == null ? Optional.empty() : sessions.restore(pid, offset));
    }

    /** A room event, fired after the lock is released. */
    private record RoomEvent(Kind kind, String room, String id) {
        enum Kind {
            CREATE,
            DELETE,
            JOIN,
            LEAVE
        }
    }

    private void fire(List<RoomEvent> events) {
        for (RoomEvent e : events) {
            for (RoomListener l : listeners) {
                try {
                    switch (e.kind()) {
                        case CREATE -> l.onCreateRoom(e.room());
                        case DELETE -> l.onDeleteRoom(e.room());
                        case JOIN -> l.onJoinRoom(e.room(), e.id());
                        case LEAVE -> l.onLeaveRoom(e.room(), e.id());
                    }
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "room listener failed", ex);
                }
            }
        }
    }

    @Override
    public CompletionStage<Void> addAll(String id, Set<String> rooms) {
        List<RoomEvent> events = new ArrayList<>();
        synchronized (lock) {
            Set<String> joined = sids.computeIfAbsent(id, k -> new LinkedHashSet<>());
            for (String room : rooms) {
                joined.add(room);
                Set<String> members = this.rooms.get(room);
                if (members == null) {
                    members = new LinkedHashSet<>();
                    this.rooms.put(room, members);
                    events.add(new RoomEvent(RoomEvent.Kind.CREATE, room, id));
                }
                if (members.add(id)) {
                    events.add(new RoomEvent(RoomEvent.Kind.JOIN, room, id));
                }
            }
        }
        fire(events);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> del(String id, String room) {
        List<RoomEvent> events = new ArrayList<>();
        synchronized (lock) {
            Set<String> joined = sids.get(id);
            if (joined != null) {
                joined.remove(room);
            }
            removeMember(room, id, events);
        }
        fire(events);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void delAll(String id) {
        List<RoomEvent> events = new ArrayList<>();
        synchronized (lock) {
            Set<String> joined = sids.remove(id);
            if (joined == null) {
                return;
            }
            for (String room : joined) {
                removeMember(room, id, events);
            }
        }
        fire(events);
    }

    // guarded by lock
    private void removeMember(String room, String id, List<RoomEvent> events) {
        Set<String> members = rooms.get(room);
        if (members == null) {
            return;
        }
        if (members.remove(id)) {
            events.add(new RoomEvent(RoomEvent.Kind.LEAVE, room, id));
        }
        if (members.isEmpty()) {
            rooms.remove(room);
            events.add(new RoomEvent(RoomEvent.Kind.DELETE, room, id));
        }
    }

    @Override
    public Map<String, Set<String>> rooms() {
        synchronized (lock) {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            rooms.forEach(
                    (room, ids) ->
                            copy.put(room, Collections.unmodifiableSet(new LinkedHashSet<>(ids))));
            return Collections.unmodifiableMap(copy);
        }
    }

    @Override
    public Optional<Set<String>> socketRooms(String id) {
        synchronized (lock) {
            Set<String> joined = sids.get(id);
            return joined == null
                    ? Optional.empty()
                    : Optional.of(Collections.unmodifiableSet(new LinkedHashSet<>(joined)));
        }
    }

    @Override
    public void addRoomListener(RoomListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeRoomListener(RoomListener listener) {
        listeners.remove(listener);
    }

    /** The ids selected by {@code opts}, in Node's order, computed under the lock. */
    private List<String> select(Set<String> targetRooms, Set<String> exceptRooms) {
        synchronized (lock) {
            Set<String> except = new java.util.HashSet<>();
            for (String room : exceptRooms) {
                Set<String> members = rooms.get(room);
                if (members != null) {
                    except.addAll(members);
                }
            }
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            if (targetRooms.isEmpty()) {
                for (String id : sids.keySet()) {
                    if (!except.contains(id)) {
                        ids.add(id);
                    }
                }
            } else {
                for (String room : targetRooms) {
                    Set<String> members = rooms.get(room);
                    if (members == null) {
                        continue;
                    }
                    for (String id : members) {
                        if (!except.contains(id)) {
                            ids.add(id);
                        }
                    }
                }
            }
            return new ArrayList<>(ids);
        }
    }

    /** The connected local sockets selected by {@code opts}. */
    private List<LocalSocket> apply(BroadcastOptions opts) {
        List<LocalSocket> out = new ArrayList<>();
        for (String id : select(opts.rooms(), opts.except())) {
            context.socket(id).ifPresent(out::add);
        }
        return out;
    }

    private SocketPacket own(SocketPacket packet) {
        return packet.withNamespace(context.name());
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions opts) {
        SocketPacket p = own(packet);
        if (sessions != null) {
            p = sessions.append(p, opts);
        }
        EncodedPacket encoded = context.encode(p);
        for (LocalSocket socket : apply(opts)) {
            socket.write(encoded, opts.flags());
        }
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<Args> ack) {
        Long ackId = packet.id();
        if (ackId == null) {
            throw new IllegalArgumentException("broadcastWithAck needs a packet with an ack id");
        }
        EncodedPacket encoded = context.encode(own(packet));
        int count = 0;
        for (LocalSocket socket : apply(opts)) {
            count++;
            socket.registerAck(ackId, ack);
            socket.write(encoded, opts.flags());
        }
        clientCount.accept(count);
    }

    @Override
    public void removeAcks(long ackId, BroadcastOptions opts) {
        for (LocalSocket socket : apply(opts)) {
            socket.removeAck(ackId);
        }
    }

    @Override
    public CompletionStage<Set<String>> sockets(Set<String> rooms) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : select(rooms, Set.of())) {
            if (context.socket(id).isPresent()) {
                ids.add(id);
            }
        }
        return CompletableFuture.completedFuture(Collections.unmodifiableSet(ids));
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        List<RemoteSocket> out = new ArrayList<>();
        for (LocalSocket socket : apply(opts)) {
            out.add(socket.socket());
        }
        return CompletableFuture.completedFuture(List.copyOf(out));
    }

    @Override
    public CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms) {
        for (LocalSocket socket : apply(opts)) {
            socket.socket().join(rooms);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms) {
        for (LocalSocket socket : apply(opts)) {
            for (String room : rooms) {
                socket.socket().leave(room);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        for (LocalSocket socket : apply(opts)) {
            socket.socket().disconnect(close);
        }
    }
}
