package io.jsocketio.internal;

import io.jsocketio.Ack;
import io.jsocketio.AckCallback;
import io.jsocketio.AckTimeoutException;
import io.jsocketio.AnyListener;
import io.jsocketio.Args;
import io.jsocketio.DisconnectListener;
import io.jsocketio.DisconnectReason;
import io.jsocketio.ErrorListener;
import io.jsocketio.Handshake;
import io.jsocketio.Socket;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.internal.json.Payload;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.EncodedPacket;
import io.jsocketio.spi.Session;
import io.jsocketio.spi.SessionToPersist;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A socket: one client in one namespace. State changes and listeners run on the client's lane. */
final class SocketImpl extends SocketBase {
    private static final System.Logger LOG = System.getLogger("io.jsocketio.Socket");

    /** The lifecycle of a socket. */
    enum State {
        /** Created; the namespace middlewares are running. */
        PENDING,
        /** Joined its namespace. */
        CONNECTED,
        /** Leaving: {@code disconnecting} listeners run, rooms still visible. */
        DISCONNECTING,
        /** Gone. */
        DISCONNECTED;

        boolean canBecome(State next) {
            return switch (this) {
                case PENDING -> next == CONNECTED || next == DISCONNECTED;
                case CONNECTED -> next == DISCONNECTING;
                case DISCONNECTING -> next == DISCONNECTED;
                case DISCONNECTED -> false;
            };
        }
    }

    private final NamespaceImpl nsp;
    private final ClientImpl client;
    private final String id;
    private final Handshake handshake;
    private final @Nullable String pid;
    private final @Nullable Session restored;
    private final Map<Long, PendingAck> acks = new ConcurrentHashMap<>();
    private final SocketEmitterImpl emitter;

    private final Object lock = new Object();
    private State state = State.PENDING; // guarded by lock
    private volatile @Nullable Object data; // written under dataLock
    private final Object dataLock = new Object();

    /**
     * A socket.
     *
     * @param pid its private session id when connection state recovery is on, else null
     * @param restored the session it takes back (its id and pid are used), or null
     */
    SocketImpl(
            NamespaceImpl nsp,
            ClientImpl client,
            String id,
            @Nullable String pid,
            @Nullable Session restored,
            Handshake handshake) {
        this.nsp = nsp;
        this.client = client;
        this.id = restored != null ? restored.sid() : id;
        this.pid = restored != null ? restored.pid() : pid;
        this.restored = restored;
        this.handshake = handshake;
        this.emitter = new SocketEmitterImpl(this, BroadcastFlags.NONE);
        if (restored != null) {
            this.data = restored.data();
        }
    }

    // ---- lifecycle

    State state() {
        synchronized (lock) {
            return state;
        }
    }

    private boolean transitionTo(State from, State next) {
        synchronized (lock) {
            if (state != from) {
                return false;
            }
            if (!state.canBecome(next)) {
                throw new IllegalStateException("socket " + id + ": " + state + " -> " + next);
            }
            state = next;
        }
        LOG.log(
                System.Logger.Level.DEBUG,
                "socket {0} of {1}: {2} -> {3}",
                id,
                nsp.name(),
                from,
                next);
        return true;
    }

    /** The middlewares admitted the socket (lane). */
    void onconnect() {
        if (!transitionTo(State.PENDING, State.CONNECTED)) {
            return;
        }
        Session session = restored;
        if (session != null) {
            // the missed packets first, so they reach the client before anything newer
            for (SocketPacket missed : session.missedPackets()) {
                client.writePacket(missed.withNamespace(nsp.name()), BroadcastFlags.NONE);
            }
            Set<String> rooms = new LinkedHashSet<>(session.rooms());
            rooms.add(id);
            join(rooms);
        } else {
            join(id);
        }
        String p = pid;
        client.writePacket(
                p == null
                        ? SocketPacket.connect(nsp.name(), id, client.protocol())
                        : SocketPacket.connect(nsp.name(), id, p, client.protocol()),
                BroadcastFlags.NONE);
    }

    @Override
    public boolean recovered() {
        return restored != null;
    }

    /** The socket was refused or its connection closed during the middlewares (lane). */
    void cleanupPending() {
        if (transitionTo(State.PENDING, State.DISCONNECTED)) {
            nsp.adapter().delAll(id);
            nsp.remove(this);
        }
    }

    /** The socket leaves its namespace (lane). */
    void onclose(DisconnectReason reason, @Nullable String description) {
        if (!transitionTo(State.CONNECTED, State.DISCONNECTING)) {
            return;
        }
        for (DisconnectListener l : listeners.disconnecting) {
            Events.guard(
                    nsp.name(), id, "disconnecting", () -> l.onDisconnect(reason, description));
        }
        emitReserved("disconnecting", reason.wire(), description);
        String p = pid;
        if (p != null && reason.isRecoverable()) {
            nsp.adapter().persistSession(new SessionToPersist(id, p, rooms(), data));
        }
        nsp.adapter().delAll(id);
        nsp.remove(this);
        client.remove(this);
        transitionTo(State.DISCONNECTING, State.DISCONNECTED);
        for (DisconnectListener l : listeners.disconnect) {
            Events.guard(nsp.name(), id, "disconnect", () -> l.onDisconnect(reason, description));
        }
        emitReserved("disconnect", reason.wire(), description);
    }

    /**
     * Calls the {@link #on(String, io.jsocketio.EventListener) on(name, ...)} listeners of an event
     * the server raises itself ({@code disconnecting}, {@code disconnect}, {@code error}), with
     * Node's arguments and no acknowledgement (lane).
     */
    private void emitReserved(String event, @Nullable Object... values) {
        List<SocketListeners.Entry> entries = listeners.take(event);
        if (entries.isEmpty()) {
            return;
        }
        Args args = ArgsImpl.of(values);
        for (SocketListeners.Entry e : entries) {
            Events.guard(nsp.name(), id, event, () -> e.listener().onEvent(args, AckImpl.NONE));
        }
    }

    /** Sends DISCONNECT and leaves the namespace (lane). */
    void disconnectNow() {
        if (state() != State.CONNECTED) {
            return;
        }
        client.writePacket(
                SocketPacket.of(SocketPacketType.DISCONNECT, nsp.name(), null, null),
                BroadcastFlags.NONE);
        onclose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT, null);
    }

    @Override
    public void disconnect(boolean close) {
        client.runOnLane(
                () -> {
                    if (state() != State.CONNECTED) {
                        return;
                    }
                    if (close) {
                        client.disconnectAll();
                    } else {
                        disconnectNow();
                    }
                });
    }

    void onerror(Exception error) {
        if (listeners.error.isEmpty() && listeners.listeners("error").isEmpty()) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    (Supplier<String>) () -> "socket " + id + " error: " + error);
        }
        for (ErrorListener l : listeners.error) {
            Events.guard(nsp.name(), id, "error", () -> l.onError(error));
        }
        emitReserved("error", String.valueOf(error.getMessage()));
    }

    // ---- inbound packets (lane)

    void onpacket(SocketPacket packet) {
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> onevent(packet);
            case ACK, BINARY_ACK -> onack(packet);
            case DISCONNECT -> onclose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT, null);
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored {0}", packet.type());
        }
    }

    private void onevent(SocketPacket packet) {
        String event = ArgsImpl.eventName(packet);
        Args args = ArgsImpl.ofEvent(packet);
        Long ackId = packet.id();
        Ack ack = ackId == null ? AckImpl.NONE : new AckImpl(this, ackId);
        for (AnyListener l : listeners.any) {
            Events.guard(nsp.name(), id, event, () -> l.onEvent(event, args));
        }
        Chain.run(
                listeners.middlewares.snapshot(),
                (m, next) -> m.handle(event, args, next),
                client,
                error -> {
                    if (error != null) {
                        onerror(error);
                    } else if (connected()) {
                        dispatch(event, args, ack);
                    } else {
                        LOG.log(
                                System.Logger.Level.DEBUG,
                                "event {0} after disconnection ignored",
                                event);
                    }
                });
    }

    private void dispatch(String event, Args args, Ack ack) {
        List<SocketListeners.Entry> entries = listeners.take(event);
        if (entries.isEmpty()) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "no listener for event {0} on {1}",
                    event,
                    nsp.name());
        }
        for (SocketListeners.Entry e : entries) {
            Events.guard(nsp.name(), id, event, () -> e.listener().onEvent(args, ack));
        }
    }

    private void onack(SocketPacket packet) {
        Long ackId = packet.id();
        if (ackId == null) {
            // Node looks up acks[undefined], logs "bad ack" at debug level and ignores it
            LOG.log(System.Logger.Level.DEBUG, "ack without id ignored on socket {0}", id);
            return;
        }
        PendingAck pending = acks.remove(ackId);
        if (pending == null) {
            LOG.log(System.Logger.Level.DEBUG, "unknown ack {0} on socket {1}", ackId, id);
            return;
        }
        pending.cancelTimer();
        client.server().observers().ack(this, pending.sentNanos);
        pending.onAck.accept(ArgsImpl.ofAck(packet));
    }

    void sendAck(SocketPacket packet) {
        client.writePacket(packet, BroadcastFlags.NONE);
    }

    // ---- outbound

    void emit(String event, BroadcastFlags flags, @Nullable AckCallback ack, Object[] args) {
        Objects.requireNonNull(event, "event");
        Events.checkEmit(event);
        Payload payload = JsonMapping.eventPayload(event, args);
        Long ackId = null;
        if (ack != null) {
            ackId = nsp.nextAckId();
            registerAck(ackId, ack, flags.timeout());
        }
        SocketPacket packet = payload.event(nsp.name(), ackId);
        if (pid != null && ackId == null && !flags.isVolatile()) {
            // through the adapter, as Node does, so that the packet gets an offset and is kept
            // for a replay (also when the socket is disconnected right now)
            nsp.adapter().broadcast(packet, new BroadcastOptions(Set.of(id), Set.of(), flags));
            return;
        }
        if (state() == State.DISCONNECTED) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "socket {0} disconnected; event {1} dropped",
                    id,
                    event);
            return;
        }
        notifyOutgoing(packet);
        client.writePacket(packet, flags);
    }

    private void registerAck(long ackId, AckCallback callback, @Nullable Duration timeout) {
        PendingAck pending =
                new PendingAck(
                        args ->
                                Events.guard(
                                        nsp.name(), id, "ack", () -> callback.onAck(null, args)));
        acks.put(ackId, pending);
        if (timeout != null) {
            pending.timer =
                    client.server()
                            .scheduler()
                            .schedule(
                                    timeout,
                                    () ->
                                            client.runOnLane(
                                                    () -> {
                                                        if (acks.remove(ackId, pending)) {
                                                            LOG.log(
                                                                    System.Logger.Level.DEBUG,
                                                                    "ack {0} timed out",
                                                                    ackId);
                                                            client.server()
                                                                    .observers()
                                                                    .ackTimeout(this, timeout);
                                                            Events.guard(
                                                                    nsp.name(),
                                                                    id,
                                                                    "ack",
                                                                    () ->
                                                                            callback.onAck(
                                                                                    new AckTimeoutException(
                                                                                            timeout,
                                                                                            List
                                                                                                    .of()),
                                                                                    ArgsImpl
                                                                                            .empty()));
                                                        }
                                                    }));
        }
    }

    private void notifyOutgoing(SocketPacket packet) {
        if (listeners.anyOutgoing.isEmpty()) {
            return;
        }
        String event = ArgsImpl.eventName(packet);
        Args args = ArgsImpl.ofEvent(packet);
        for (AnyListener l : listeners.anyOutgoing) {
            Events.guard(nsp.name(), id, event, () -> l.onEvent(event, args));
        }
    }

    // ---- LocalSocket (adapters)

    @Override
    public Socket socket() {
        return this;
    }

    @Override
    public void write(EncodedPacket packet, BroadcastFlags flags) {
        if (state() == State.DISCONNECTED) {
            return;
        }
        notifyOutgoing(packet.packet());
        client.writeToEngine(packet.messages(), flags);
    }

    @Override
    public void registerAck(long ackId, Consumer<Args> ack) {
        acks.put(ackId, new PendingAck(ack));
    }

    @Override
    public void removeAck(long ackId) {
        acks.remove(ackId);
    }

    // ---- Socket: identity and state

    @Override
    public String id() {
        return id;
    }

    @Override
    SocketEmitterImpl emitter() {
        return emitter;
    }

    @Override
    public NamespaceImpl nsp() {
        return nsp;
    }

    @Override
    public EngineSocket conn() {
        return client.conn();
    }

    ClientImpl client() {
        return client;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public boolean connected() {
        State s = state();
        return s == State.CONNECTED || s == State.DISCONNECTING;
    }

    @Override
    public void data(@Nullable Object value) {
        synchronized (dataLock) {
            this.data = value;
        }
    }

    @Override
    public Socket data(String key, @Nullable Object value) {
        Objects.requireNonNull(key, "key");
        synchronized (dataLock) {
            this.data = DataValues.withAttribute(data, key, value);
        }
        return this;
    }

    @Override
    public <T> Optional<T> data(Class<T> type) {
        return DataValues.as(data, type);
    }

    @Override
    public <T> Optional<T> data(String key, Class<T> type) {
        Objects.requireNonNull(type, "type (to remove an attribute: removeData(key))");
        return DataValues.attribute(data, key, type);
    }

    @Override
    public Socket removeData(String key) {
        return data(key, (Object) null);
    }

    @Nullable Object rawData() {
        return data;
    }

    @Override
    public Set<String> rooms() {
        return nsp.adapter().socketRooms(id).orElse(Set.of());
    }

    @Override
    public CompletionStage<Void> join(String room) {
        return join(List.of(room));
    }

    @Override
    public CompletionStage<Void> join(Collection<String> rooms) {
        if (state() == State.DISCONNECTED) {
            return CompletableFuture.completedFuture(null);
        }
        return nsp.adapter()
                .addAll(id, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(rooms)));
    }

    @Override
    public CompletionStage<Void> leave(String room) {
        return nsp.adapter().del(id, room);
    }

    @Override
    public String toString() {
        return "Socket[" + id + " " + nsp.name() + "]";
    }

    /** An acknowledgement this socket waits for. */
    private static final class PendingAck {
        final Consumer<Args> onAck;
        final long sentNanos = System.nanoTime();
        volatile Scheduler.@Nullable Cancellable timer;

        PendingAck(Consumer<Args> onAck) {
            this.onAck = onAck;
        }

        void cancelTimer() {
            Scheduler.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }
}
