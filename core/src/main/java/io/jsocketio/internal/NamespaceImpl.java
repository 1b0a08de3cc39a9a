package io.jsocketio.internal;

import io.jsocketio.Ack;
import io.jsocketio.AckTimeoutException;
import io.jsocketio.Args;
import io.jsocketio.BroadcastAckCallback;
import io.jsocketio.BroadcastOperator;
import io.jsocketio.ConnectError;
import io.jsocketio.ConnectionListener;
import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.EventListener;
import io.jsocketio.Middleware;
import io.jsocketio.Namespace;
import io.jsocketio.RemoteSocket;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A namespace: its middlewares, listeners, sockets and adapter. */
class NamespaceImpl implements Namespace {
    private static final System.Logger LOG = System.getLogger(NamespaceImpl.class.getName());

    private final ServerImpl server;
    private final String name;
    private final @Nullable ParentNamespaceImpl parent;
    private final Map<String, SocketImpl> sockets = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<Middleware> middlewares = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<ConnectionListener> connectionListeners =
            new CopyOnWriteArrayList<>();
    private final Map<String, CopyOnWriteArrayList<EventListener>> serverSideListeners =
            new ConcurrentHashMap<>();
    private final AdapterContextImpl context;
    private volatile Adapter adapter;

    NamespaceImpl(ServerImpl server, String name, @Nullable ParentNamespaceImpl parent) {
        this.server = server;
        this.name = name;
        this.parent = parent;
        this.context = new AdapterContextImpl(this);
        this.adapter = createAdapter();
    }

    /** Makes this namespace's adapter (overridden by parent namespaces). */
    Adapter createAdapter() {
        Adapter a = server.adapterFactory().create(context);
        a.init();
        return a;
    }

    /** Replaces the adapter after {@code Server.adapter(factory)}. */
    void initAdapter() {
        Adapter old = adapter;
        adapter = createAdapter();
        old.close();
    }

    ServerImpl serverImpl() {
        return server;
    }

    AdapterContextImpl context() {
        return context;
    }

    @Nullable ParentNamespaceImpl parent() {
        return parent;
    }

    long nextAckId() {
        return server.nextAckId();
    }

    // ---- joining (lane of the client)

    /** A client asks to join: runs the middlewares, then connects or refuses the socket. */
    void add(ClientImpl client, JsonObject auth, Consumer<SocketImpl> onConnected) {
        ConnectionStateRecovery recovery = server.options().connectionStateRecovery();
        String pid = string(auth, "pid");
        String offset = string(auth, "offset");
        if (recovery == null || pid == null || offset == null) {
            admit(client, auth, recovery, null, onConnected);
            return;
        }
        adapter.restoreSession(pid, offset)
                .whenComplete(
                        (session, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        "session {0} not restored: {1}",
                                        pid,
                                        error);
                            }
                            Session restored = session == null ? null : session.orElse(null);
                            client.runOnLane(
                                    () -> admit(client, auth, recovery, restored, onConnected));
                        });
    }

    private static @Nullable String string(JsonObject auth, String key) {
        return auth.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private void admit(
            ClientImpl client,
            JsonObject auth,
            @Nullable ConnectionStateRecovery recovery,
            @Nullable Session restored,
            Consumer<SocketImpl> onConnected) {
        SocketImpl socket =
                new SocketImpl(
                        this,
                        client,
                        restored != null ? restored.sid() : server.socketId(client, name),
                        recovery != null ? Ids.generate() : null,
                        restored,
                        Handshakes.of(client.conn(), auth, server.clock()));
        if (restored != null) {
            LOG.log(System.Logger.Level.DEBUG, "socket {0} recovered its session", socket.id());
        }
        if (restored != null && recovery.skipMiddlewares() && client.isOpen()) {
            connected(socket, onConnected);
            return;
        }
        Chain.run(
                middlewares,
                (m, next) -> m.handle(socket, next),
                client,
                error -> {
                    if (!client.isOpen()) {
                        LOG.log(System.Logger.Level.DEBUG, "client closed during middlewares");
                        socket.cleanupPending();
                        return;
                    }
                    if (error != null) {
                        LOG.log(
                                System.Logger.Level.DEBUG,
                                "socket refused by middleware of {0}: {1}",
                                name,
                                error.getMessage());
                        socket.cleanupPending();
                        server.observers()
                                .connectError(
                                        client.conn(),
                                        name,
                                        error.getMessage() == null ? "" : error.getMessage());
                        client.writePacket(connectError(client, error), BroadcastFlags.NONE);
                        return;
                    }
                    connected(socket, onConnected);
                });
    }

    private void connected(SocketImpl socket, Consumer<SocketImpl> onConnected) {
        sockets.put(socket.id(), socket);
        socket.onconnect();
        onConnected.accept(socket);
        server.observers().socketConnect(socket);
        for (ConnectionListener l : connectionListeners) {
            Events.guard(name, socket.id(), "connection", () -> l.onConnection(socket));
        }
    }

    private SocketPacket connectError(ClientImpl client, Exception error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        JsonValue data = null;
        if (error instanceof ConnectError ce && ce.data() != null) {
            List<byte[]> attachments = new ArrayList<>();
            try {
                data = JsonMapping.toJson(ce.data(), attachments);
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ConnectError data cannot be sent", e);
            }
            if (!attachments.isEmpty()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "ConnectError data cannot hold binary; dropped");
                data = null;
            }
        }
        return SocketPacket.connectError(name, message, data, client.protocol());
    }

    /** A socket left. */
    void remove(SocketImpl socket) {
        if (sockets.remove(socket.id(), socket)
                && parent != null
                && sockets.isEmpty()
                && server.options().cleanupEmptyChildNamespaces()) {
            parent.removeChild(this);
        }
    }

    Collection<SocketImpl> localSockets() {
        return sockets.values();
    }

    @Nullable SocketImpl localSocket(String id) {
        return sockets.get(id);
    }

    // ---- server-side events

    void onServerSideEmit(SocketPacket packet, @Nullable Consumer<SocketPacket> reply) {
        String event = ArgsImpl.eventName(packet);
        Args args = ArgsImpl.ofEvent(packet);
        Ack ack = reply == null ? AckImpl.NONE : new ServerSideAck(packet.id(), reply);
        List<EventListener> listeners =
                List.copyOf(serverSideListeners.getOrDefault(event, new CopyOnWriteArrayList<>()));
        server.callbackLane()
                .execute(
                        () -> {
                            for (EventListener l : listeners) {
                                Events.guard(name, "-", event, () -> l.onEvent(args, ack));
                            }
                        });
    }

    /** The reply to a server-side event, sent once. */
    private final class ServerSideAck implements Ack {
        private final @Nullable Long id;
        private final Consumer<SocketPacket> reply;
        private final AtomicBoolean sent = new AtomicBoolean();

        ServerSideAck(@Nullable Long id, Consumer<SocketPacket> reply) {
            this.id = id;
            this.reply = reply;
        }

        @Override
        public void send(Object... args) {
            SocketPacket packet = JsonMapping.toPayload(args).ack(name, id == null ? 0 : id);
            if (sent.compareAndSet(false, true)) {
                reply.accept(packet);
            }
        }

        @Override
        public boolean requested() {
            return true;
        }
    }

    // ---- Namespace

    @Override
    public String name() {
        return name;
    }

    @Override
    public Server server() {
        return server.facade();
    }

    @Override
    public Namespace onConnection(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Namespace onServerSideEmit(String event, EventListener listener) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(listener, "listener");
        serverSideListeners.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
        return this;
    }

    @Override
    public Namespace use(Middleware middleware) {
        middlewares.add(Objects.requireNonNull(middleware, "middleware"));
        return this;
    }

    @Override
    public Map<String, Socket> sockets() {
        return Map.copyOf(sockets);
    }

    @Override
    public Adapter adapter() {
        return adapter;
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        Events.checkServerSide(event);
        adapter.serverSideEmit(JsonMapping.eventPayload(event, args).event(name, null));
    }

    @Override
    public void serverSideEmit(String event, @Nullable BroadcastAckCallback ack, Object... args) {
        if (ack == null) {
            serverSideEmit(event, JsonMapping.prepend(null, args));
            return;
        }
        Executor lane = serverImpl().callbackLane();
        serverSideEmitWithAck(event, args)
                .whenComplete(
                        (responses, error) ->
                                lane.execute(
                                        () ->
                                                Events.guard(
                                                        name,
                                                        "-",
                                                        event,
                                                        () -> deliver(ack, responses, error))));
    }

    private static void deliver(
            BroadcastAckCallback ack, @Nullable List<Args> responses, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException c ? c.getCause() : error;
        if (cause == null) {
            ack.onAcks(null, responses == null ? List.of() : responses);
        } else if (cause instanceof AckTimeoutException timeout) {
            ack.onAcks(timeout, timeout.responses());
        } else {
            ack.onAcks(
                    cause instanceof Exception e ? e : new IllegalStateException(cause), List.of());
        }
    }

    @Override
    public CompletionStage<List<Args>> serverSideEmitWithAck(String event, Object... args) {
        Events.checkServerSide(event);
        return adapter.serverSideEmitWithAck(
                JsonMapping.eventPayload(event, args).event(name, null));
    }

    CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        return adapter.fetchSockets(opts);
    }

    BroadcastOperatorImpl operator() {
        return new BroadcastOperatorImpl(this, Set.of(), Set.of(), BroadcastFlags.NONE);
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return operator().to(rooms);
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return operator().except(rooms);
    }

    @Override
    public BroadcastOperator compress(boolean compress) {
        return operator().compress(compress);
    }

    @Override
    public BroadcastOperator asVolatile() {
        return operator().asVolatile();
    }

    @Override
    public BroadcastOperator local() {
        return operator().local();
    }

    @Override
    public BroadcastOperator timeout(Duration timeout) {
        return operator().timeout(timeout);
    }

    @Override
    public void emit(String event, Object... args) {
        operator().emit(event, args);
    }

    @Override
    public void emit(String event, BroadcastAckCallback ack, Object... args) {
        operator().emit(event, ack, args);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return operator().fetchSockets();
    }

    @Override
    public CompletionStage<Set<String>> allSockets() {
        return operator().allSockets();
    }

    @Override
    public void socketsJoin(Collection<String> rooms) {
        operator().socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(Collection<String> rooms) {
        operator().socketsLeave(rooms);
    }

    @Override
    public void disconnectSockets(boolean close) {
        operator().disconnectSockets(close);
    }

    @Override
    public String toString() {
        return "Namespace[" + name + "]";
    }
}
