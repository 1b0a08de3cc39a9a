package io.jsocketio;

import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.internal.ServerImpl;
import io.jsocketio.spi.AdapterFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Socket.IO server ({@code new Server(3000)} in Node):
 *
 * <pre>{@code
 * Server io = new Server(3000);               // embedded HTTP server (jsocketio-embedded-jetty)
 * // or: new Server(servletContext)          // inside a Jakarta EE container
 * io.onConnection(socket -> {
 *     socket.emit("hello", "world");
 *     socket.on("chat", (args, ack) -> io.to("lobby").emit("chat", args.getString(0)));
 * });
 * // ... later
 * io.close();
 * }</pre>
 *
 * <p>The main namespace {@code "/"} is {@link #sockets()}; the namespace methods of this class
 * ({@code onConnection}, {@code use}, {@code emit}, {@code to}, ...) forward to it. A server exists
 * without transport until {@link #attach(int) attach}/{@link #listen(int) listen} (a port: an
 * embedded HTTP server found with {@link io.jsocketio.hosting.EmbeddedServerProvider}; or a
 * container object such as a {@code ServletContext}: a {@link
 * io.jsocketio.hosting.ContainerAttacher}) or {@link #bind(EngineServer) bind}.
 *
 * <p>Node's constructors map to this small public class, which delegates to an implementation in
 * {@code io.jsocketio.internal}; it is not final and keeps a cheap public no-argument constructor
 * so that CDI can proxy it. Setters such as {@link #path(String)} take effect at the next attach.
 *
 * <p>Thread-safety: safe for concurrent use from any thread. {@link #close()} is idempotent.
 */
public class Server implements BroadcastOperator, AutoCloseable {
    private final ServerImpl impl;

    /** A server with the default options, attached to nothing yet. */
    public Server() {
        this(ServerOptions.defaults());
    }

    /** A server with options, attached to nothing yet. */
    public Server(ServerOptions options) {
        this.impl = new ServerImpl(this, Objects.requireNonNull(options, "options"));
    }

    /**
     * A server listening on {@code port} with the default options.
     *
     * @throws IllegalStateException when no embedded HTTP server is on the class path or it cannot
     *     listen
     */
    public Server(int port) {
        this(port, ServerOptions.defaults());
    }

    /** A server listening on {@code port}; see {@link #Server(int)}. */
    public Server(int port, ServerOptions options) {
        this(options);
        impl.listen(port, options);
    }

    /**
     * A server attached to a container object ({@code ServletContext}); a boxed {@code Integer} is
     * taken as a port, as {@link #Server(int)}. A String is never a port.
     *
     * @throws IllegalArgumentException when no attacher supports the object
     */
    public Server(Object httpServer) {
        this(httpServer, ServerOptions.defaults());
    }

    /** As {@link #Server(Object)}, with options. */
    public Server(Object httpServer, ServerOptions options) {
        this(options);
        impl.attach(httpServer, options);
    }

    // ---- attaching

    /** Listens on {@code port} with the current options; see {@link #Server(int)}. */
    public Server attach(int port) {
        impl.listen(port, impl.options());
        return this;
    }

    /** Listens on {@code port} with {@code options} (replacing the current ones). */
    public Server attach(int port, ServerOptions options) {
        impl.listen(port, options);
        return this;
    }

    /** Attaches to a container object; see {@link #Server(Object)}. */
    public Server attach(Object httpServer) {
        impl.attach(httpServer, impl.options());
        return this;
    }

    /** Attaches to a container object with {@code options} (replacing the current ones). */
    public Server attach(Object httpServer, ServerOptions options) {
        impl.attach(httpServer, options);
        return this;
    }

    /** Same as {@link #attach(int)}. */
    public Server listen(int port) {
        return attach(port);
    }

    /** Same as {@link #attach(int, ServerOptions)}. */
    public Server listen(int port, ServerOptions options) {
        return attach(port, options);
    }

    /** Same as {@link #attach(Object)}. */
    public Server listen(Object httpServer) {
        return attach(httpServer);
    }

    /** Same as {@link #attach(Object, ServerOptions)}. */
    public Server listen(Object httpServer, ServerOptions options) {
        return attach(httpServer, options);
    }

    /**
     * Uses {@code engine}: every session it opens becomes a client of this server. The engine is
     * closed with the server.
     */
    public Server bind(EngineServer engine) {
        impl.bind(engine);
        return this;
    }

    /**
     * The engine ({@code io.engine}): sessions, {@code generateId}, {@code clientsCount}.
     *
     * @throws IllegalStateException before {@code attach}, {@code listen} or {@code bind}
     */
    public EngineServer engine() {
        return impl.engine();
    }

    /**
     * What a transport installs to host this server: its engine (created on the first call, with
     * the current options, as {@code attach} does) and, with {@code serveClient}, the client files.
     * For an HTTP server of your own that carries other endpoints too, e.g. {@code
     * EngineTransports.install(servletContext, io.mount())} or an {@link
     * io.jsocketio.hosting.EmbeddedServerProvider} started with several mounts.
     */
    public io.jsocketio.engine.EngineMount mount() {
        return impl.mount();
    }

    /** The port of the embedded HTTP server, when listening on one. */
    public OptionalInt port() {
        return impl.port();
    }

    // ---- options

    /** The current options. */
    public ServerOptions options() {
        return impl.options();
    }

    /** The path, with leading and trailing slash. */
    public String path() {
        return impl.options().path();
    }

    /** Sets the path for the next attach. */
    public Server path(String path) {
        impl.updateOptions(b -> b.path(path));
        return this;
    }

    /** Whether the client bundle is served. */
    public boolean serveClient() {
        return impl.options().serveClient();
    }

    /** Sets whether the client bundle is served, for the next attach. */
    public Server serveClient(boolean serve) {
        impl.updateOptions(b -> b.serveClient(serve));
        return this;
    }

    /** How long a connection may stay without joining a namespace. */
    public Duration connectTimeout() {
        return impl.options().connectTimeout();
    }

    /** Sets the connect timeout, for connections that arrive afterwards. */
    public Server connectTimeout(Duration timeout) {
        impl.updateOptions(b -> b.connectTimeout(timeout));
        return this;
    }

    /**
     * As {@link #connectTimeout(Duration)} in milliseconds, as Node's {@code connectTimeout(ms)}.
     */
    public Server connectTimeout(long millis) {
        return connectTimeout(Duration.ofMillis(millis));
    }

    /** The adapter factory in use. */
    public AdapterFactory adapter() {
        return impl.adapterFactory();
    }

    /** Sets the adapter factory; every existing namespace gets a new adapter. */
    public Server adapter(AdapterFactory factory) {
        impl.adapter(factory);
        return this;
    }

    /**
     * The 2.x {@code origins} option ({@code io.origins()}): empty when it is not set (Node's
     * {@code "*:*"}, every origin, unless the {@code cors} option says otherwise).
     */
    public Optional<OriginPolicy> origins() {
        return Optional.ofNullable(impl.options().origins());
    }

    /** The 2.x origins option as patterns; see {@link ServerOptions.Builder#origins(List)}. */
    public Server origins(List<String> patterns) {
        impl.updateOptions(b -> b.origins(patterns));
        return this;
    }

    /** The 2.x origins option as a function, for the next attach. */
    public Server origins(OriginPolicy policy) {
        impl.updateOptions(b -> b.origins(policy));
        return this;
    }

    // ---- namespaces

    /** The main namespace {@code "/"} ({@code io.sockets}). */
    public Namespace sockets() {
        return impl.sockets();
    }

    /**
     * The namespace with this name, created if needed ({@code "orders"} means {@code "/orders"}).
     */
    public Namespace of(String name) {
        return impl.of(name);
    }

    /** As {@link #of(String)}, adding a connection listener. */
    public Namespace of(String name, ConnectionListener listener) {
        return impl.of(name).onConnection(listener);
    }

    /**
     * A parent namespace whose children are created on demand for every name in which {@code
     * pattern} finds a match, as JavaScript's {@code RegExp.test} does for {@code
     * io.of(/^\/dynamic-\d+$/)}: the name is searched with {@link java.util.regex.Matcher#find()},
     * so an unanchored pattern matches anywhere in it; anchor it with {@code ^...$} to match whole
     * names. A name a client asks for that holds a control character or a line terminator never
     * reaches the pattern: it is refused as an invalid namespace, so {@code $} (which in Java also
     * matches before a final line break) only ever matches at the very end, as in JavaScript.
     */
    public Namespace of(Pattern pattern) {
        return impl.of(pattern);
    }

    /** A parent namespace whose children are created when {@code matcher} allows a name. */
    public Namespace of(DynamicNamespaceMatcher matcher) {
        return impl.of(matcher);
    }

    /**
     * The namespaces of this server, a snapshot: the main one, every one made by {@link
     * #of(String)} and every child of a dynamic namespace (not the parents themselves).
     */
    public Collection<Namespace> namespaces() {
        return impl.namespaces();
    }

    /**
     * Adds a listener of namespaces created after the main one: {@code io.on("new_namespace", nsp
     * => ...)} in Node.
     */
    public Server onNewNamespace(NewNamespaceListener listener) {
        impl.onNewNamespace(listener);
        return this;
    }

    // ---- monitoring

    /**
     * Registers an observer of this server's traffic (see {@link ServerObserver}); it sees what
     * happens from now on. Observers cannot be removed: they live as long as the server.
     */
    public Server observe(ServerObserver observer) {
        impl.observe(observer);
        return this;
    }

    // ---- shortcuts to the main namespace

    /** Adds a middleware to the main namespace. */
    public Server use(Middleware middleware) {
        sockets().use(middleware);
        return this;
    }

    /** See {@link Namespace#onConnection(ConnectionListener)}: on the main namespace. */
    public Server onConnection(ConnectionListener listener) {
        sockets().onConnection(listener);
        return this;
    }

    /** See {@link Namespace#onServerSideEmit(String, EventListener)}. */
    public Server onServerSideEmit(String event, EventListener listener) {
        sockets().onServerSideEmit(event, listener);
        return this;
    }

    /** Emits a {@code message} event to every socket of the main namespace. */
    public Server send(@Nullable Object... args) {
        sockets().send(args);
        return this;
    }

    /** Alias of {@link #send(Object...)}. */
    public Server write(@Nullable Object... args) {
        sockets().write(args);
        return this;
    }

    /** See {@link Namespace#serverSideEmit(String, Object...)}. */
    public void serverSideEmit(String event, @Nullable Object... args) {
        sockets().serverSideEmit(event, args);
    }

    /** See {@link Namespace#serverSideEmit(String, BroadcastAckCallback, Object...)}. */
    public void serverSideEmit(
            String event, @Nullable BroadcastAckCallback ack, @Nullable Object... args) {
        sockets().serverSideEmit(event, ack, args);
    }

    /** See {@link Namespace#serverSideEmitWithAck(String, Object...)}. */
    public CompletionStage<List<Args>> serverSideEmitWithAck(
            String event, @Nullable Object... args) {
        return sockets().serverSideEmitWithAck(event, args);
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return sockets().to(rooms);
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return sockets().except(rooms);
    }

    @Override
    public BroadcastOperator compress(boolean compress) {
        return sockets().compress(compress);
    }

    @Override
    public BroadcastOperator asVolatile() {
        return sockets().asVolatile();
    }

    @Override
    public BroadcastOperator local() {
        return sockets().local();
    }

    @Override
    public BroadcastOperator timeout(Duration timeout) {
        return sockets().timeout(timeout);
    }

    @Override
    public void emit(String event, @Nullable Object... args) {
        sockets().emit(event, args);
    }

    @Override
    public void emit(String event, BroadcastAckCallback ack, @Nullable Object... args) {
        sockets().emit(event, ack, args);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return sockets().fetchSockets();
    }

    @Override
    public CompletionStage<Set<String>> allSockets() {
        return sockets().allSockets();
    }

    @Override
    public void socketsJoin(Collection<String> rooms) {
        sockets().socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(Collection<String> rooms) {
        sockets().socketsLeave(rooms);
    }

    @Override
    public void disconnectSockets(boolean close) {
        sockets().disconnectSockets(close);
    }

    // ---- closing

    /**
     * Closes the server and waits for it (at most a few seconds when called off the lanes): every
     * socket is disconnected with {@link DisconnectReason#SERVER_SHUTTING_DOWN}, the adapters
     * closed, the engine closed (sessions get a close packet) and the embedded HTTP server stopped.
     * Idempotent.
     */
    @Override
    public void close() {
        impl.close();
    }

    /** Closes the server without waiting; {@code callback} runs when it is closed. */
    public void close(CloseCallback callback) {
        impl.close(callback);
    }
}
