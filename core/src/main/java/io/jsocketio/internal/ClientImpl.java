package io.jsocketio.internal;

import io.jsocketio.DisconnectReason;
import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.Parser;
import io.jsocketio.parser.ProtocolVersion;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.spi.BroadcastFlags;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One Engine.IO session seen by the Socket.IO layer (Node's {@code Client}): decodes its packets,
 * routes them by namespace to its sockets, and writes their packets. Everything but writing runs on
 * the session's lane.
 */
final class ClientImpl {
    private static final System.Logger LOG = System.getLogger(ClientImpl.class.getName());

    private final ServerImpl server;
    private final EngineSocket conn;
    private final ProtocolVersion protocol;
    private final Parser parser;
    private final PacketDecoder decoder; // lane-confined
    private final AttachmentDeadline attachments; // lane-confined

    private final Object lock = new Object();
    private final Map<String, SocketImpl> nsps = new HashMap<>(); // guarded by lock
    private Scheduler.@Nullable Cancellable connectTimer; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * The thread running one of this client's lane tasks, else null: written only by lane tasks
     * (serialized by the lane), so a thread reads its own thread here only while it runs one.
     */
    private @Nullable Thread laneThread;

    ClientImpl(ServerImpl server, EngineSocket conn) {
        this.server = server;
        this.conn = conn;
        this.protocol = ProtocolVersion.forEngineProtocol(conn.protocol());
        this.parser = server.options().parser();
        this.decoder = parser.newDecoder();
        var engine = server.options().engineOptions();
        this.attachments =
                new AttachmentDeadline(
                        server.scheduler(), engine.pingInterval().plus(engine.pingTimeout()));
    }

    /** Starts listening to the session; called on its lane. */
    void setup() {
        conn.onMessage(message -> onLane(() -> ondata(message)));
        conn.onClose((reason, description) -> onLane(() -> onEngineClose(reason, description)));
        Scheduler.Cancellable timer =
                server.scheduler()
                        .schedule(
                                server.options().connectTimeout(),
                                () -> runOnLane(this::onConnectTimeout));
        synchronized (lock) {
            if (closed) {
                timer.cancel();
            } else {
                connectTimer = timer;
            }
        }
        if (protocol == ProtocolVersion.V4) {
            onLane(() -> connect("/", JsonValue.EMPTY_JSON_OBJECT));
        }
    }

    EngineSocket conn() {
        return conn;
    }

    ProtocolVersion protocol() {
        return protocol;
    }

    ServerImpl server() {
        return server;
    }

    /** Runs {@code task} on this session's lane: inline when already on it, else queued. */
    void runOnLane(Runnable task) {
        if (laneThread == Thread.currentThread()) {
            task.run();
        } else {
            conn.lane().execute(() -> onLane(task));
        }
    }

    /** Runs {@code task}, called on this session's lane, marked as this client's lane task. */
    void onLane(Runnable task) {
        Thread previous = laneThread;
        laneThread = Thread.currentThread();
        try {
            task.run();
        } finally {
            laneThread = previous;
        }
    }

    boolean isOpen() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
        }
        return conn.isOpen();
    }

    // ---- writing (any thread)

    void writePacket(SocketPacket packet, BroadcastFlags flags) {
        writeToEngine(parser.encode(packet), flags);
    }

    /** Writes the encoded packet; the engine drops it when the session is not open. */
    void writeToEngine(List<EngineMessage> messages, BroadcastFlags flags) {
        if (flags.isVolatile() && !conn.isWritable()) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "session {0} not writable; volatile packet dropped",
                    conn.id());
            return;
        }
        server.observers().messagesOut(conn, messages);
        if (messages.size() == 1) {
            conn.send(messages.get(0));
        } else {
            conn.send(messages);
        }
    }

    // ---- inbound (lane)

    private void ondata(EngineMessage message) {
        SocketPacket packet;
        try {
            packet = decoder.add(message);
        } catch (RuntimeException e) {
            attachments.cancel();
            onParseError(e);
            return;
        }
        attachments.watch(decoder.isReconstructing(), this::onAttachmentsLate);
        if (packet != null) {
            LOG.log(System.Logger.Level.TRACE, (Supplier<String>) () -> "decoded " + packet);
            ondecoded(packet);
        }
    }

    private void ondecoded(SocketPacket packet) {
        String namespace = packet.namespace();
        JsonObject auth;
        if (protocol == ProtocolVersion.V4) {
            int q = namespace.indexOf('?');
            auth = q < 0 ? JsonValue.EMPTY_JSON_OBJECT : queryToJson(namespace.substring(q + 1));
            namespace = q < 0 ? namespace : namespace.substring(0, q);
        } else {
            auth = packet.data() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }
        SocketImpl socket;
        synchronized (lock) {
            socket = nsps.get(namespace);
        }
        SocketPacketType type = packet.type();
        if (socket == null && type == SocketPacketType.CONNECT) {
            connect(namespace, auth);
        } else if (socket != null
                && type != SocketPacketType.CONNECT
                && type != SocketPacketType.CONNECT_ERROR) {
            socket.onpacket(packet);
        } else {
            String ns = namespace;
            LOG.log(
                    System.Logger.Level.DEBUG,
                    (Supplier<String>)
                            () ->
                                    "invalid state (packet "
                                            + type
                                            + " for namespace "
                                            + ns
                                            + "); closing session "
                                            + conn.id());
            close();
        }
    }

    private void connect(String name, JsonObject auth) {
        NamespaceImpl existing = server.registry().existing(name);
        if (existing != null) {
            existing.add(this, auth, this::onSocketConnected);
            return;
        }
        server.registry()
                .checkNamespace(
                        name,
                        auth,
                        this,
                        nsp -> {
                            if (nsp != null) {
                                nsp.add(this, auth, this::onSocketConnected);
                            } else {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        "refused unknown namespace {0}",
                                        name);
                                server.observers().connectError(conn, name, "Invalid namespace");
                                writePacket(
                                        SocketPacket.connectError(
                                                name, "Invalid namespace", null, protocol),
                                        BroadcastFlags.NONE);
                            }
                        });
    }

    private void onSocketConnected(SocketImpl socket) {
        Scheduler.Cancellable timer;
        synchronized (lock) {
            nsps.put(socket.nsp().name(), socket);
            timer = connectTimer;
            connectTimer = null;
        }
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Forgets a socket that left its namespace. */
    void remove(SocketImpl socket) {
        synchronized (lock) {
            nsps.remove(socket.nsp().name(), socket);
        }
    }

    private void onConnectTimeout() {
        boolean none;
        synchronized (lock) {
            none = nsps.isEmpty() && !closed;
        }
        if (none) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "no namespace joined in time; closing {0}",
                    conn.id());
            close();
        }
    }

    private void onAttachmentsLate(long generation) {
        runOnLane(
                () -> {
                    if (attachments.isCurrent(generation)) {
                        attachments.cancel();
                        onParseError(
                                new PacketFormatException(
                                        "binary attachments did not arrive within "
                                                + attachments.limit()));
                    }
                });
    }

    private void onParseError(RuntimeException e) {
        LOG.log(
                System.Logger.Level.DEBUG,
                (Supplier<String>)
                        () -> "invalid packet on session " + conn.id() + ": " + e.getMessage());
        Exception error = e;
        for (SocketImpl socket : sockets()) {
            socket.onerror(error);
        }
        onclose(DisconnectReason.PARSE_ERROR, e.getMessage());
        conn.close();
    }

    private void onEngineClose(CloseReason reason, @Nullable String description) {
        onclose(DisconnectReason.fromWire(reason.wire()), description);
    }

    /** Disconnects every socket of this session (sending DISCONNECT), then closes it. */
    void disconnectAll() {
        for (SocketImpl socket : sockets()) {
            socket.disconnectNow();
        }
        close();
    }

    /** Closes the session: its sockets disconnect with {@code forced server close}. */
    void close() {
        if (conn.isOpen()) {
            conn.close();
        }
        onclose(DisconnectReason.FORCED_SERVER_CLOSE, null);
    }

    private void onclose(DisconnectReason reason, @Nullable String description) {
        List<SocketImpl> sockets;
        Scheduler.Cancellable timer;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            sockets = new ArrayList<>(nsps.values());
            timer = connectTimer;
            connectTimer = null;
        }
        LOG.log(System.Logger.Level.DEBUG, "client {0} closed: {1}", conn.id(), reason);
        if (timer != null) {
            timer.cancel();
        }
        decoder.reset();
        attachments.cancel();
        for (SocketImpl socket : sockets) {
            socket.onclose(reason, description);
        }
    }

    private List<SocketImpl> sockets() {
        synchronized (lock) {
            return new ArrayList<>(nsps.values());
        }
    }

    private static JsonObject queryToJson(String query) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            b.add(decode(k), decode(v));
        }
        return b.build();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return "Client[" + conn.id() + "]";
    }
}
