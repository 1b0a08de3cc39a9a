package io.jsocketio.internal;

import io.jsocketio.CloseCallback;
import io.jsocketio.DisconnectReason;
import io.jsocketio.DynamicNamespaceMatcher;
import io.jsocketio.Namespace;
import io.jsocketio.NewNamespaceListener;
import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.internal.SerialLane;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.parser.ProtocolVersion;
import io.jsocketio.spi.AdapterFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The implementation behind {@link Server}: namespaces, options, the engine and the threads. Its
 * public methods are those of {@link Server} with the same names (see there); it is public only so
 * that the API class in another package can reach it.
 *
 * <p>Thread-safety: safe for concurrent use; {@code lock} guards the attachment state.
 */
public final class ServerImpl {
    private static final System.Logger LOG = System.getLogger(Server.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Server facade;
    private final NamespaceRegistry registry = new NamespaceRegistry(this);
    private final AtomicLong ackIds = new AtomicLong();
    private final Observers observers = new Observers();
    private final Clock clock = Clock.systemUTC();
    private final CompletableFuture<@Nullable Exception> closed = new CompletableFuture<>();
    private final NamespaceImpl main;
    private volatile ServerOptions options;
    private volatile AdapterFactory adapterFactory;

    private final Object lock = new Object();
    private @Nullable ServerRuntime runtime; // guarded by lock
    private volatile @Nullable EngineServer engine; // written under lock
    private EmbeddedServerProvider.@Nullable EmbeddedServer embedded; // guarded by lock
    private boolean closing; // guarded by lock

    /** The implementation of {@code facade}; starts no thread. */
    public ServerImpl(Server facade, ServerOptions options) {
        this.facade = facade;
        this.options = options;
        AdapterFactory f = options.adapter();
        this.adapterFactory = f != null ? f : InMemoryAdapter::forServer;
        this.main = (NamespaceImpl) of("/");
    }

    Server facade() {
        return facade;
    }

    Clock clock() {
        return clock;
    }

    Observers observers() {
        return observers;
    }

    public void observe(io.jsocketio.ServerObserver observer) {
        observers.add(observer);
    }

    public java.util.Collection<Namespace> namespaces() {
        return List.copyOf(registry.all());
    }

    long nextAckId() {
        return ackIds.getAndIncrement();
    }

    // ---- options

    public ServerOptions options() {
        return options;
    }

    public void updateOptions(Consumer<ServerOptions.Builder> change) {
        synchronized (lock) {
            ServerOptions.Builder b = options.toBuilder();
            change.accept(b);
            options = b.build();
        }
    }

    private void setOptions(ServerOptions next) {
        Objects.requireNonNull(next, "options");
        synchronized (lock) {
            options = next;
        }
        AdapterFactory f = next.adapter();
        if (f != null && f != adapterFactory) {
            adapter(f);
        }
    }

    public AdapterFactory adapterFactory() {
        return adapterFactory;
    }

    public void adapter(AdapterFactory factory) {
        Objects.requireNonNull(factory, "factory");
        updateOptions(b -> b.adapter(factory));
        adapterFactory = factory;
        for (NamespaceImpl nsp : registry.all()) {
            nsp.initAdapter();
        }
    }

    // ---- threads

    private ServerRuntime runtime() {
        synchronized (lock) {
            if (runtime == null) {
                EngineOptions e = options.engineOptions();
                runtime = new ServerRuntime(e.executor(), e.scheduler());
            }
            return runtime;
        }
    }

    Scheduler scheduler() {
        return runtime().scheduler;
    }

    Executor callbackLane() {
        return runtime().callbackLane;
    }

    // ---- attaching

    public void listen(int port, ServerOptions opts) {
        setOptions(opts);
        EngineServer e = createEngine();
        EngineMount mount = mount(e);
        try {
            EmbeddedServerProvider.EmbeddedServer server =
                    EmbeddedServerProvider.load()
                            .start(opts.host(), port, List.of(mount), opts.httpServer());
            synchronized (lock) {
                embedded = server;
            }
            LOG.log(
                    System.Logger.Level.INFO,
                    "listening on {0}:{1,number,#}{2}",
                    opts.host(),
                    server.port(),
                    opts.path());
        } catch (IOException | RuntimeException ex) {
            detach(e);
            if (ex instanceof IOException io) {
                throw new IllegalStateException("cannot listen on port " + port, io);
            }
            throw (RuntimeException) ex;
        }
    }

    public void attach(Object container, ServerOptions opts) {
        Objects.requireNonNull(container, "container");
        if (container instanceof Integer port) {
            // a boxed port picks Server(Object) over Server(int)
            listen(port, opts);
            return;
        }
        var attacher = Services.attacherFor(container);
        setOptions(opts);
        EngineServer e = createEngine();
        try {
            attacher.attach(container, mount(e));
        } catch (RuntimeException ex) {
            detach(e);
            throw ex;
        }
    }

    /** The engine with this server's static files; the engine is created on the first call. */
    public EngineMount mount() {
        EngineServer e;
        synchronized (lock) {
            e = engine;
        }
        return mount(e != null ? e : createEngine());
    }

    /** Undoes a failed attach: closes the engine, forgets it, stops the threads made for it. */
    private void detach(EngineServer e) {
        e.close();
        ServerRuntime rt;
        synchronized (lock) {
            engine = null;
            rt = runtime;
            runtime = null;
        }
        if (rt != null) {
            rt.close();
        }
    }

    private EngineServer createEngine() {
        ServerRuntime rt = runtime();
        EngineOptions engineOptions =
                options.engineOptions().toBuilder()
                        .executor(rt.executor)
                        .scheduler(rt.scheduler)
                        .build();
        EngineServer e = EngineServer.create(engineOptions);
        try {
            bind(e);
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
        return e;
    }

    private EngineMount mount(EngineServer e) {
        return new EngineMount(e, options.serveClient() ? Services.clientBundle() : null);
    }

    public void bind(EngineServer e) {
        Objects.requireNonNull(e, "engine");
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("server closed");
            }
            if (engine != null) {
                throw new IllegalStateException("already attached to an engine");
            }
            engine = e;
        }
        runtime();
        e.onConnection(this::onconnection);
    }

    public void onconnection(EngineSocket conn) {
        boolean refuse;
        synchronized (lock) {
            refuse = closing;
        }
        if (refuse) {
            conn.close();
            return;
        }
        runtime();
        LOG.log(System.Logger.Level.DEBUG, "incoming connection {0}", conn.id());
        observers.connection(conn);
        ClientImpl client = new ClientImpl(this, conn);
        client.onLane(client::setup);
    }

    public EngineServer engine() {
        EngineServer e = engine;
        if (e == null) {
            throw new IllegalStateException(
                    "no engine yet: call attach(...), listen(...) or bind(engine) first");
        }
        return e;
    }

    public OptionalInt port() {
        synchronized (lock) {
            return embedded == null ? OptionalInt.empty() : OptionalInt.of(embedded.port());
        }
    }

    String socketId(ClientImpl client, String namespace) {
        if (client.protocol() == ProtocolVersion.V4) {
            String sid = client.conn().id();
            return namespace.equals("/") ? sid : namespace + "#" + sid;
        }
        return Ids.generate();
    }

    // ---- namespaces

    public Namespace sockets() {
        return main;
    }

    public Namespace of(String name) {
        return registry.of(name);
    }

    public Namespace of(Pattern pattern) {
        return registry.of(pattern);
    }

    public Namespace of(DynamicNamespaceMatcher matcher) {
        return registry.of(matcher);
    }

    public void onNewNamespace(NewNamespaceListener listener) {
        registry.onNewNamespace(listener);
    }

    /** The namespaces of this server and the parents that create them on demand. */
    NamespaceRegistry registry() {
        return registry;
    }

    // ---- closing

    public void close(CloseCallback callback) {
        Objects.requireNonNull(callback, "callback");
        boolean first;
        synchronized (lock) {
            first = !closing;
            closing = true;
        }
        if (!first) {
            closed.whenComplete((error, t) -> callback.onClosed(error));
            return;
        }
        LOG.log(System.Logger.Level.INFO, "closing");
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (NamespaceImpl nsp : registry.all()) {
            for (SocketImpl socket : List.copyOf(nsp.localSockets())) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                lanes.add(done);
                try {
                    socket.client()
                            .runOnLane(
                                    () -> {
                                        try {
                                            socket.onclose(
                                                    DisconnectReason.SERVER_SHUTTING_DOWN, null);
                                        } finally {
                                            done.complete(null);
                                        }
                                    });
                } catch (RuntimeException e) {
                    done.complete(null);
                }
            }
        }
        CompletableFuture<Void> all =
                CompletableFuture.allOf(lanes.toArray(new CompletableFuture<?>[0]));
        ServerRuntime rt;
        synchronized (lock) {
            rt = runtime;
        }
        if (!all.isDone() && rt != null) {
            rt.scheduler.schedule(GRACE, () -> all.complete(null));
        }
        all.whenComplete((v, t) -> finish(callback));
    }

    private void finish(CloseCallback callback) {
        Exception error = null;
        List<NamespaceImpl> all = new ArrayList<>(registry.all());
        for (NamespaceImpl nsp : all) {
            try {
                nsp.adapter().close();
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "adapter of " + nsp.name() + " failed to close",
                        e);
                error = e;
            }
        }
        EngineServer e;
        EmbeddedServerProvider.EmbeddedServer http;
        ServerRuntime rt;
        synchronized (lock) {
            e = engine;
            http = embedded;
            rt = runtime;
        }
        if (e != null) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "engine failed to close", ex);
                error = ex;
            }
        }
        if (http != null) {
            try {
                http.close();
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "HTTP server failed to close", ex);
                error = ex;
            }
        }
        if (rt != null) {
            rt.close();
        }
        LOG.log(System.Logger.Level.INFO, "closed");
        closed.complete(error);
        try {
            callback.onClosed(error);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "close callback failed", ex);
        }
    }

    public void close() {
        close(error -> {});
        if (SerialLane.onAnyLane()) {
            return;
        }
        try {
            closed.get(GRACE.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            LOG.log(System.Logger.Level.WARNING, "server did not close in time", ex);
        }
    }
}
