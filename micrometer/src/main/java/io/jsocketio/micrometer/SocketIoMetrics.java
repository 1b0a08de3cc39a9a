package io.jsocketio.micrometer;

import io.jsocketio.Namespace;
import io.jsocketio.Server;
import io.jsocketio.ServerObserver;
import io.jsocketio.Socket;
import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for one {@link Server}:
 *
 * <pre>{@code
 * Server io = new Server(3000);
 * new SocketIoMetrics(io).bindTo(registry);          // e.g. a PrometheusMeterRegistry
 * }</pre>
 *
 * <table>
 *   <caption>Meters (names as Micrometer writes them; Prometheus adds {@code _total}, {@code
 *   _seconds}, {@code _bytes})</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code socketio.engine.sessions}</td><td>gauge</td><td>transport ({@code polling},
 *       {@code websocket}), protocol ({@code 3}, {@code 4})</td><td>open Engine.IO sessions</td></tr>
 *   <tr><td>{@code socketio.engine.connections}</td><td>counter</td><td></td><td>Engine.IO sessions
 *       opened</td></tr>
 *   <tr><td>{@code socketio.engine.disconnections}</td><td>counter</td><td>reason (the close
 *       reason, e.g. {@code transport close})</td><td>Engine.IO sessions closed</td></tr>
 *   <tr><td>{@code socketio.engine.connection.errors}</td><td>counter</td><td>code ({@code 0} to
 *       {@code 5}, the Engine.IO error code)</td><td>requests the engine refused</td></tr>
 *   <tr><td>{@code socketio.engine.packets.in}, {@code .out}</td><td>counter</td><td></td>
 *       <td>Engine.IO messages received and sent</td></tr>
 *   <tr><td>{@code socketio.engine.bytes.in}, {@code .out}</td><td>counter (bytes)</td><td></td>
 *       <td>their size (UTF-8 length of text, length of binary), as the Node admin UI counts</td></tr>
 *   <tr><td>{@code socketio.sockets}</td><td>gauge</td><td>namespace</td><td>connected sockets on
 *       this server</td></tr>
 *   <tr><td>{@code socketio.rooms}</td><td>gauge</td><td>namespace</td><td>rooms on this server,
 *       the sockets' own rooms excluded</td></tr>
 *   <tr><td>{@code socketio.connects}</td><td>counter</td><td>namespace</td><td>sockets that
 *       joined</td></tr>
 *   <tr><td>{@code socketio.disconnects}</td><td>counter</td><td>namespace, reason (e.g. {@code
 *       client namespace disconnect})</td><td>sockets that left</td></tr>
 *   <tr><td>{@code socketio.connect.errors}</td><td>counter</td><td>namespace ({@code unknown} for a
 *       namespace that does not exist)</td><td>CONNECT refused (middleware or unknown
 *       namespace)</td></tr>
 *   <tr><td>{@code socketio.events.received}, {@code .sent}</td><td>counter</td><td>namespace</td>
 *       <td>events (acknowledgements excluded; one per recipient of a broadcast)</td></tr>
 *   <tr><td>{@code socketio.ack.latency}</td><td>timer</td><td>namespace</td><td>from an emit with
 *       an acknowledgement to the client's answer</td></tr>
 *   <tr><td>{@code socketio.ack.timeouts}</td><td>counter</td><td>namespace</td><td>acknowledgements
 *       that did not come in time</td></tr>
 *   <tr><td>{@code socketio.handshake}</td><td>timer</td><td>namespace</td><td>from the Engine.IO
 *       handshake to the socket's connection (CONNECT round trip and middlewares)</td></tr>
 * </table>
 *
 * <p>Namespace tags come from the server's namespaces; dynamic namespaces add one value each. Bind
 * a binder to one registry (use a {@code CompositeMeterRegistry} for several); meters count from
 * then on.
 *
 * <p>Thread-safety: safe for concurrent use; the counting runs on the connection lanes and emitting
 * threads and takes no lock.
 */
public final class SocketIoMetrics implements MeterBinder {
    private static final System.Logger LOG = System.getLogger(SocketIoMetrics.class.getName());
    private static final List<String> TRANSPORTS = List.of("polling", "websocket");
    private static final List<Integer> PROTOCOLS = List.of(3, 4);

    private final Server io;
    private final AtomicBoolean bound = new AtomicBoolean();
    private final AtomicBoolean engineBound = new AtomicBoolean();
    private final Set<String> gaugedNamespaces = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<EngineSocket, Long> opened = new ConcurrentHashMap<>();
    private @Nullable MeterRegistry registry;
    private @Nullable Counter packetsIn;
    private @Nullable Counter packetsOut;
    private @Nullable Counter bytesIn;
    private @Nullable Counter bytesOut;

    /** Meters for {@code io}, registered by {@link #bindTo}. */
    public SocketIoMetrics(Server io) {
        this.io = Objects.requireNonNull(io, "io");
    }

    /**
     * Registers the meters and starts counting.
     *
     * @throws IllegalStateException when already bound
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (!bound.compareAndSet(false, true)) {
            throw new IllegalStateException("already bound to a registry");
        }
        this.registry = registry;
        packetsIn =
                counter(
                        "socketio.engine.packets.in",
                        "Engine.IO messages received",
                        null,
                        Tags.empty());
        packetsOut =
                counter(
                        "socketio.engine.packets.out",
                        "Engine.IO messages sent",
                        null,
                        Tags.empty());
        bytesIn =
                counter(
                        "socketio.engine.bytes.in",
                        "Size of the messages received",
                        "bytes",
                        Tags.empty());
        bytesOut =
                counter(
                        "socketio.engine.bytes.out",
                        "Size of the messages sent",
                        "bytes",
                        Tags.empty());
        counter("socketio.engine.connections", "Engine.IO sessions opened", null, Tags.empty());
        for (String transport : TRANSPORTS) {
            for (int protocol : PROTOCOLS) {
                Gauge.builder("socketio.engine.sessions", io, s -> sessions(s, transport, protocol))
                        .description("Open Engine.IO sessions")
                        .tags("transport", transport, "protocol", Integer.toString(protocol))
                        .register(registry);
            }
        }
        for (Namespace nsp : io.namespaces()) {
            gauges(nsp);
        }
        io.onNewNamespace(this::gauges);
        io.observe(new Observer());
        try {
            bindEngine(io.engine());
        } catch (IllegalStateException notAttachedYet) {
            LOG.log(System.Logger.Level.DEBUG, "engine meters bind at the first connection");
        }
    }

    private void bindEngine(EngineServer engine) {
        if (engineBound.compareAndSet(false, true)) {
            engine.onConnectionError(this::connectionError);
        }
    }

    private void connectionError(ConnectionError error) {
        counter(
                        "socketio.engine.connection.errors",
                        "Requests the engine refused",
                        null,
                        Tags.of("code", Integer.toString(error.code())))
                .increment();
    }

    private static double sessions(Server io, String transport, int protocol) {
        try {
            int n = 0;
            for (EngineSocket s : io.engine().clients()) {
                if (s.protocol() == protocol && transport.equals(s.transport())) {
                    n++;
                }
            }
            return n;
        } catch (IllegalStateException notAttached) {
            return 0;
        }
    }

    private void gauges(Namespace nsp) {
        if (!gaugedNamespaces.add(nsp.name())) {
            return;
        }
        MeterRegistry r = Objects.requireNonNull(registry);
        Gauge.builder("socketio.sockets", nsp, n -> n.sockets().size())
                .description("Connected sockets on this server")
                .tag("namespace", nsp.name())
                .register(r);
        Gauge.builder("socketio.rooms", nsp, SocketIoMetrics::rooms)
                .description("Rooms on this server, the sockets' own rooms excluded")
                .tag("namespace", nsp.name())
                .register(r);
    }

    private static double rooms(Namespace nsp) {
        int n = 0;
        for (Map.Entry<String, Set<String>> room : nsp.adapter().rooms().entrySet()) {
            Set<String> members = room.getValue();
            if (!(members.size() == 1 && members.contains(room.getKey()))) {
                n++;
            }
        }
        return n;
    }

    private Counter counter(String name, String description, @Nullable String unit, Tags tags) {
        String key = name + tags;
        return counters.computeIfAbsent(
                key,
                k ->
                        Counter.builder(name)
                                .description(description)
                                .baseUnit(unit)
                                .tags(tags)
                                .register(Objects.requireNonNull(registry)));
    }

    private Timer timer(String name, String description, Tags tags) {
        return timers.computeIfAbsent(
                name + tags,
                k ->
                        Timer.builder(name)
                                .description(description)
                                .tags(tags)
                                .register(Objects.requireNonNull(registry)));
    }

    private String namespaceTag(String name) {
        for (Namespace nsp : io.namespaces()) {
            if (nsp.name().equals(name)) {
                return name;
            }
        }
        return "unknown";
    }

    /** What the server reports. */
    private final class Observer implements ServerObserver {
        @Override
        public void onConnection(EngineSocket conn) {
            bindEngine(io.engine());
            opened.put(conn, System.nanoTime());
            counter("socketio.engine.connections", "Engine.IO sessions opened", null, Tags.empty())
                    .increment();
            Counter in = Objects.requireNonNull(packetsIn);
            Counter inBytes = Objects.requireNonNull(bytesIn);
            conn.onMessage(
                    m -> {
                        in.increment();
                        inBytes.increment(ServerObserver.byteLength(m));
                    });
            conn.onClose(
                    (reason, description) -> {
                        opened.remove(conn);
                        counter(
                                        "socketio.engine.disconnections",
                                        "Engine.IO sessions closed",
                                        null,
                                        Tags.of("reason", reason.wire()))
                                .increment();
                    });
        }

        @Override
        public void onMessagesOut(EngineSocket conn, List<EngineMessage> messages) {
            long bytes = 0;
            for (EngineMessage m : messages) {
                bytes += ServerObserver.byteLength(m);
            }
            Objects.requireNonNull(packetsOut).increment(messages.size());
            Objects.requireNonNull(bytesOut).increment(bytes);
        }

        @Override
        public void onSocketConnect(Socket socket) {
            String nsp = socket.nsp().name();
            Tags tags = Tags.of("namespace", nsp);
            counter("socketio.connects", "Sockets that joined a namespace", null, tags).increment();
            Long start = opened.get(socket.conn());
            if (start != null) {
                timer(
                                "socketio.handshake",
                                "From the Engine.IO handshake to the socket's connection",
                                tags)
                        .record(Duration.ofNanos(System.nanoTime() - start));
            }
            Counter received = counter("socketio.events.received", "Events received", null, tags);
            Counter sent = counter("socketio.events.sent", "Events sent", null, tags);
            socket.onAny((event, args) -> received.increment());
            socket.onAnyOutgoing((event, args) -> sent.increment());
            socket.onDisconnect(
                    (reason, description) ->
                            counter(
                                            "socketio.disconnects",
                                            "Sockets that left a namespace",
                                            null,
                                            tags.and("reason", reason.wire()))
                                    .increment());
        }

        @Override
        public void onConnectError(EngineSocket conn, String namespace, String message) {
            counter(
                            "socketio.connect.errors",
                            "CONNECT requests refused",
                            null,
                            Tags.of("namespace", namespaceTag(namespace)))
                    .increment();
        }

        @Override
        public void onAck(Socket socket, Duration latency) {
            timer(
                            "socketio.ack.latency",
                            "From an emit with an acknowledgement to the answer",
                            Tags.of("namespace", socket.nsp().name()))
                    .record(latency);
        }

        @Override
        public void onAckTimeout(Socket socket, Duration timeout) {
            counter(
                            "socketio.ack.timeouts",
                            "Acknowledgements that did not come in time",
                            null,
                            Tags.of("namespace", socket.nsp().name()))
                    .increment();
        }
    }

    /** For tests and logs. */
    @Override
    public String toString() {
        return "SocketIoMetrics[" + io + "]";
    }
}
