package io.jsocketio.admin.internal;

import io.jsocketio.Namespace;
import io.jsocketio.RemoteSocket;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import io.jsocketio.admin.AdminUiOptions;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.Scheduler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One instrumented server: the admin namespace with its login, the feature handlers, the traffic
 * counters, the development-mode events and the {@code server_stats} loop.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class Instrumentation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Instrumentation.class.getName());

    private final Server io;
    private final AdminUiOptions options;
    private final Namespace admin;
    private final Clock clock = Clock.systemUTC();
    private final EventBuffer events = new EventBuffer(clock);
    private final @Nullable Verbose verbose;
    private final List<String> features;
    private final Map<String, Object> baseStats;
    private final Instant started;
    private final AtomicBoolean loopStarted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Scheduler.@Nullable Cancellable next;

    private Instrumentation(Server io, AdminUiOptions options) {
        this.io = io;
        this.options = options;
        this.admin = io.of(options.namespaceName());
        this.verbose =
                options.mode() == AdminUiOptions.Mode.DEVELOPMENT
                        ? new Verbose(admin, clock)
                        : null;
        List<String> f = new ArrayList<>(options.readonly() ? List.of() : Actions.FEATURES);
        f.add("AGGREGATED_EVENTS");
        if (verbose != null) {
            f.add("ALL_EVENTS");
        }
        this.features = List.copyOf(f);
        String hostname = hostname();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("serverId", options.serverId() != null ? options.serverId() : hostname);
        base.put("hostname", hostname);
        base.put("pid", ProcessHandle.current().pid());
        this.baseStats = Map.copyOf(base);
        this.started = ProcessHandle.current().info().startInstant().orElse(clock.instant());
    }

    /** Instruments {@code io}; see {@code AdminUi.instrument}. */
    public static Instrumentation install(Server io, AdminUiOptions options) {
        Instrumentation i = new Instrumentation(io, options);
        i.start();
        return i;
    }

    private void start() {
        BasicAuth auth =
                options.authEnabled()
                        ? new BasicAuth(options.username(), options.passwordHash(), options.store())
                        : null;
        if (auth != null) {
            admin.use(auth);
        } else {
            LOG.log(System.Logger.Level.WARNING, "admin UI: authentication is disabled");
        }
        admin.onConnection(socket -> onAdminConnection(socket, auth));
        io.observe(new Traffic(events, this::startLoop));
        if (verbose != null) {
            for (Namespace nsp : io.namespaces()) {
                verbose.watch(nsp);
            }
            io.onNewNamespace(verbose::watch);
            io.observe(verbose);
        }
        try {
            io.engine();
            startLoop();
        } catch (IllegalStateException notAttachedYet) {
            LOG.log(System.Logger.Level.DEBUG, "admin UI: stats start with the first connection");
        }
    }

    private void onAdminConnection(Socket socket, @Nullable BasicAuth auth) {
        String sessionId = auth == null ? null : auth.takeIssued(socket);
        if (sessionId != null) {
            socket.emit("session", sessionId);
        }
        if (!options.readonly()) {
            Actions.register(io, socket);
        }
        socket.emit("config", Map.of("supportedFeatures", features));
        if (verbose != null) {
            allSockets()
                    .whenComplete(
                            (sockets, error) -> {
                                if (error != null) {
                                    LOG.log(
                                            System.Logger.Level.WARNING,
                                            "admin UI: fetching the sockets failed",
                                            error);
                                } else {
                                    socket.emit("all_sockets", sockets);
                                }
                            });
        }
    }

    /** Every socket of every namespace, across the cluster ({@code fetchSockets}). */
    private CompletionStage<List<Map<String, Object>>> allSockets() {
        List<CompletableFuture<List<Map<String, Object>>>> parts = new ArrayList<>();
        for (Namespace nsp : io.namespaces()) {
            parts.add(
                    nsp.fetchSockets()
                            .thenApply(
                                    list -> {
                                        List<Map<String, Object>> out = new ArrayList<>();
                                        for (RemoteSocket s : list) {
                                            out.add(Serializer.socket(s, nsp.name()));
                                        }
                                        return out;
                                    })
                            .toCompletableFuture());
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture<?>[]::new))
                .thenApply(
                        v -> {
                            List<Map<String, Object>> all = new ArrayList<>();
                            parts.forEach(p -> all.addAll(p.join()));
                            return all;
                        });
    }

    // ---- server_stats

    private void startLoop() {
        if (loopStarted.compareAndSet(false, true)) {
            tick();
        }
    }

    private void tick() {
        if (closed.get()) {
            return;
        }
        try {
            emitStats();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "admin UI: server_stats failed", e);
        }
        try {
            Scheduler scheduler = io.engine().options().scheduler();
            if (scheduler == null) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "admin UI: the engine has no shared scheduler");
                return;
            }
            next = scheduler.schedule(options.statsInterval(), this::tick);
        } catch (RuntimeException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "admin UI: engine or scheduler stopped; stats end");
        }
    }

    /** Emits {@code server_stats} now. */
    void emitStats() {
        if (verbose != null) {
            verbose.checkTransports();
        }
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (Namespace nsp : io.namespaces()) {
            namespaces.add(Map.of("name", nsp.name(), "socketsCount", nsp.sockets().size()));
        }
        int clients = 0;
        int polling = 0;
        for (EngineSocket conn : io.engine().clients()) {
            clients++;
            if ("polling".equals(conn.transport())) {
                polling++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>(baseStats);
        stats.put("uptime", Duration.between(started, clock.instant()).toMillis() / 1000.0);
        stats.put("clientsCount", clients);
        stats.put("pollingClientsCount", polling);
        stats.put("aggregatedEvents", events.drain());
        stats.put("namespaces", namespaces);
        admin.emit("server_stats", stats);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Scheduler.Cancellable n = next;
            if (n != null) {
                n.cancel();
            }
        }
    }
}
