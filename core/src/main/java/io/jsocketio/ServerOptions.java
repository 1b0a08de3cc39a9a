package io.jsocketio;

import io.jsocketio.engine.AllowRequest;
import io.jsocketio.engine.CookieOptions;
import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.HttpServerOptions;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.TransportType;
import io.jsocketio.parser.Parser;
import io.jsocketio.spi.AdapterFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The options of a {@link Server}, with the Node server's defaults; they include the {@link
 * EngineOptions} of its engine. Built with {@link #builder()}; immutable.
 *
 * <table>
 *   <caption>Socket.IO options and defaults (engine options: see {@link EngineOptions})</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>path</td><td>{@code /socket.io/}</td></tr>
 *   <tr><td>serveClient</td><td>true (the files come from io.jsocketio:jsocketio-client-dist, a dependency of core)</td></tr>
 *   <tr><td>adapter</td><td>the in-memory adapter</td></tr>
 *   <tr><td>parser</td><td>{@link Parser#defaultParser()}, Socket.IO's own encoding</td></tr>
 *   <tr><td>connectTimeout</td><td>45 s</td></tr>
 *   <tr><td>cleanupEmptyChildNamespaces</td><td>false</td></tr>
 *   <tr><td>connectionStateRecovery</td><td>off (when on: 2 minutes, middlewares skipped)</td></tr>
 *   <tr><td>cors</td><td>none: only same-origin browser requests pass</td></tr>
 *   <tr><td>origins</td><td>none (the 2.x option; see {@link Builder#origins(List)})</td></tr>
 *   <tr><td>host</td><td>{@code 0.0.0.0}: the interface {@code listen(port)} binds</td></tr>
 *   <tr><td>httpServer</td><td>{@link HttpServerOptions#defaults()}: headers timeout 60 s, minimum request data rate 64 bytes/s (the embedded server only)</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class ServerOptions {
    private final String path;
    private final boolean serveClient;
    private final @Nullable AdapterFactory adapter;
    private final Parser parser;
    private final Duration connectTimeout;
    private final boolean cleanupEmptyChildNamespaces;
    private final @Nullable ConnectionStateRecovery connectionStateRecovery;
    private final @Nullable OriginPolicy origins;
    private final String host;
    private final HttpServerOptions httpServer;
    private final EngineOptions engine;

    private ServerOptions(Builder b) {
        this.path = b.engine.build().path();
        this.serveClient = b.serveClient;
        this.adapter = b.adapter;
        this.parser = b.parser;
        this.connectTimeout = b.connectTimeout;
        this.cleanupEmptyChildNamespaces = b.cleanupEmptyChildNamespaces;
        this.connectionStateRecovery = b.connectionStateRecovery;
        this.origins = b.origins;
        this.host = b.host;
        this.httpServer = b.httpServer;
        this.engine = b.engine.build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static ServerOptions defaults() {
        return builder().build();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The path the server answers on, with leading and trailing slash. */
    public String path() {
        return path;
    }

    /** Whether the client bundle is served below the path. */
    public boolean serveClient() {
        return serveClient;
    }

    /** The adapter factory, or null for the in-memory adapter. */
    public @Nullable AdapterFactory adapter() {
        return adapter;
    }

    /**
     * How packets are written into Engine.IO messages and read from them (Node's {@code parser}):
     * one parser for the whole server, matching the clients' own {@code parser} option. A broadcast
     * is encoded once with it.
     */
    public Parser parser() {
        return parser;
    }

    /** How long a connection may stay without joining a namespace before it is closed. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Whether a child of a dynamic namespace is removed when its last socket leaves. */
    public boolean cleanupEmptyChildNamespaces() {
        return cleanupEmptyChildNamespaces;
    }

    /**
     * The connection state recovery settings, or null when it is off (the default): see {@link
     * ConnectionStateRecovery}.
     */
    public @Nullable ConnectionStateRecovery connectionStateRecovery() {
        return connectionStateRecovery;
    }

    /** The 2.x {@code origins} policy, or null. */
    public @Nullable OriginPolicy origins() {
        return origins;
    }

    /** The CORS settings as configured (before {@link #origins()} is merged in), or null. */
    public @Nullable CorsOptions cors() {
        return engine.cors();
    }

    /** The interface {@code listen(port)} binds. */
    public String host() {
        return host;
    }

    /**
     * The limits of the embedded HTTP server against slow clients (headers timeout, minimum request
     * data rate); not used inside a servlet container.
     */
    public HttpServerOptions httpServer() {
        return httpServer;
    }

    /**
     * The options of the engine: the configured engine options with this {@link #path()}, and
     * {@link #origins()} merged into the CORS policy (an origin must pass both when both are set).
     */
    public EngineOptions engineOptions() {
        if (origins == null) {
            return engine;
        }
        CorsOptions cors = engine.cors();
        OriginPolicy o = origins;
        CorsOptions merged =
                cors == null
                        ? CorsOptions.of(o)
                        : new CorsOptions(
                                (origin, req) ->
                                        cors.origin().allows(origin, req) && o.allows(origin, req),
                                cors.credentials(),
                                cors.methods(),
                                cors.allowedHeaders(),
                                cors.exposedHeaders(),
                                cors.maxAge());
        return engine.toBuilder().cors(merged).build();
    }

    /**
     * Builds {@link ServerOptions}.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private boolean serveClient = true;
        private @Nullable AdapterFactory adapter;
        private Parser parser = Parser.defaultParser();
        private Duration connectTimeout = Duration.ofSeconds(45);
        private boolean cleanupEmptyChildNamespaces;
        private @Nullable ConnectionStateRecovery connectionStateRecovery;
        private @Nullable OriginPolicy origins;
        private String host = "0.0.0.0";
        private HttpServerOptions httpServer = HttpServerOptions.defaults();
        private EngineOptions.Builder engine = EngineOptions.builder().path("/socket.io/");

        private Builder() {}

        private Builder(ServerOptions o) {
            serveClient = o.serveClient;
            adapter = o.adapter;
            parser = o.parser;
            connectTimeout = o.connectTimeout;
            cleanupEmptyChildNamespaces = o.cleanupEmptyChildNamespaces;
            connectionStateRecovery = o.connectionStateRecovery;
            origins = o.origins;
            host = o.host;
            httpServer = o.httpServer;
            engine = o.engine.toBuilder();
        }

        /** See {@link ServerOptions#path()}; a missing leading or trailing slash is added. */
        public Builder path(String path) {
            engine.path(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** See {@link ServerOptions#serveClient()}. */
        public Builder serveClient(boolean serve) {
            this.serveClient = serve;
            return this;
        }

        /** See {@link ServerOptions#adapter()}; null restores the in-memory adapter. */
        public Builder adapter(@Nullable AdapterFactory factory) {
            this.adapter = factory;
            return this;
        }

        /**
         * See {@link ServerOptions#parser()}; for example {@code MsgpackParser.create()} from
         * {@code io.jsocketio:jsocketio-msgpack-parser}.
         */
        public Builder parser(Parser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /** See {@link ServerOptions#connectTimeout()}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** As {@link #connectTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder connectTimeout(long millis) {
            return connectTimeout(Duration.ofMillis(millis));
        }

        /** See {@link ServerOptions#cleanupEmptyChildNamespaces()}. */
        public Builder cleanupEmptyChildNamespaces(boolean cleanup) {
            this.cleanupEmptyChildNamespaces = cleanup;
            return this;
        }

        /**
         * Turns connection state recovery on with Node's defaults: a session is kept 2 minutes and
         * a recovered socket skips the middlewares. See {@link ConnectionStateRecovery}.
         */
        public Builder connectionStateRecovery() {
            return connectionStateRecovery(ConnectionStateRecovery.DEFAULTS);
        }

        /**
         * Turns connection state recovery on.
         *
         * @param maxDisconnectionDuration how long a dropped socket's session (id, rooms, data,
         *     missed packets) is kept; positive
         * @param skipMiddlewares whether a recovered socket connects without running the
         *     namespace's middlewares
         */
        public Builder connectionStateRecovery(
                Duration maxDisconnectionDuration, boolean skipMiddlewares) {
            return connectionStateRecovery(
                    new ConnectionStateRecovery(maxDisconnectionDuration, skipMiddlewares));
        }

        /** See {@link ServerOptions#connectionStateRecovery()}; null turns it off. */
        public Builder connectionStateRecovery(@Nullable ConnectionStateRecovery recovery) {
            this.connectionStateRecovery = recovery;
            return this;
        }

        /** The 4.x {@code cors} option; see {@link EngineOptions#cors()}. */
        public Builder cors(@Nullable CorsOptions cors) {
            engine.cors(cors);
            return this;
        }

        /**
         * The 2.x {@code origins} option: {@code host:port} patterns, either side may be {@code *}
         * ({@code "*:*"} allows every origin). See {@link OriginPolicy#hostPortPatterns(List)}.
         */
        public Builder origins(List<String> patterns) {
            this.origins = OriginPolicy.hostPortPatterns(patterns);
            return this;
        }

        /** The 2.x {@code origins} option as a function; null removes it. */
        public Builder origins(@Nullable OriginPolicy policy) {
            this.origins = policy;
            return this;
        }

        /** See {@link ServerOptions#host()}; {@code 127.0.0.1} keeps the server local. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** See {@link ServerOptions#httpServer()}. */
        public Builder httpServer(HttpServerOptions httpServer) {
            this.httpServer = Objects.requireNonNull(httpServer, "httpServer");
            return this;
        }

        /**
         * Replaces every engine option with those of {@code options}, except the path, which stays
         * this builder's.
         */
        public Builder engine(EngineOptions options) {
            String path = engine.build().path();
            this.engine = options.toBuilder().path(path);
            return this;
        }

        /** See {@link EngineOptions#pingInterval()}. */
        public Builder pingInterval(Duration d) {
            engine.pingInterval(d);
            return this;
        }

        /** As {@link #pingInterval(Duration)} in milliseconds, the unit of Node's option. */
        public Builder pingInterval(long millis) {
            return pingInterval(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#pingTimeout()}. */
        public Builder pingTimeout(Duration d) {
            engine.pingTimeout(d);
            return this;
        }

        /** As {@link #pingTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder pingTimeout(long millis) {
            return pingTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#upgradeTimeout()}. */
        public Builder upgradeTimeout(Duration d) {
            engine.upgradeTimeout(d);
            return this;
        }

        /** As {@link #upgradeTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder upgradeTimeout(long millis) {
            return upgradeTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#closeTimeout()}. */
        public Builder closeTimeout(Duration d) {
            engine.closeTimeout(d);
            return this;
        }

        /** As {@link #closeTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder closeTimeout(long millis) {
            return closeTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#maxHttpBufferSize()}. */
        public Builder maxHttpBufferSize(long bytes) {
            engine.maxHttpBufferSize(bytes);
            return this;
        }

        /** See {@link EngineOptions#transports()}. */
        public Builder transports(Set<TransportType> transports) {
            engine.transports(transports);
            return this;
        }

        /** See {@link EngineOptions#allowUpgrades()}. */
        public Builder allowUpgrades(boolean allow) {
            engine.allowUpgrades(allow);
            return this;
        }

        /** See {@link EngineOptions#allowRequest()}. */
        public Builder allowRequest(@Nullable AllowRequest hook) {
            engine.allowRequest(hook);
            return this;
        }

        /** See {@link EngineOptions#roles()}; replaces the roles given before. */
        public Builder roles(Set<String> roles) {
            engine.roles(roles);
            return this;
        }

        /** See {@link EngineOptions#cookie()}. */
        public Builder cookie(@Nullable CookieOptions cookie) {
            engine.cookie(cookie);
            return this;
        }

        /** See {@link EngineOptions#initialPacket()}. */
        public Builder initialPacket(@Nullable EngineMessage message) {
            engine.initialPacket(message);
            return this;
        }

        /** See {@link EngineOptions.Builder#httpCompression(int)}. */
        public Builder httpCompression(int thresholdBytes) {
            engine.httpCompression(thresholdBytes);
            return this;
        }

        /** See {@link EngineOptions.Builder#noHttpCompression()}. */
        public Builder noHttpCompression() {
            engine.noHttpCompression();
            return this;
        }

        /** See {@link EngineOptions#perMessageDeflate()}. */
        public Builder perMessageDeflate(boolean on) {
            engine.perMessageDeflate(on);
            return this;
        }

        /** See {@link EngineOptions#allowEIO3()}. */
        public Builder allowEIO3(boolean allow) {
            engine.allowEIO3(allow);
            return this;
        }

        /** See {@link EngineOptions#inlineDispatch()}. */
        public Builder inlineDispatch(boolean inline) {
            engine.inlineDispatch(inline);
            return this;
        }

        /** See {@link EngineOptions#maxBufferedOutbound()}. */
        public Builder maxBufferedOutbound(long bytes) {
            engine.maxBufferedOutbound(bytes);
            return this;
        }

        /** See {@link EngineOptions#maxQueuedInbound()}. */
        public Builder maxQueuedInbound(int messages) {
            engine.maxQueuedInbound(messages);
            return this;
        }

        /**
         * The executor running connection lanes and the server's callbacks; null for the engine's
         * default, shared by every server of the JVM. See {@link EngineOptions#executor()}.
         */
        public Builder executor(@Nullable Executor executor) {
            engine.executor(executor);
            return this;
        }

        /**
         * The scheduler for heartbeats and timeouts (connect, ack); null for one owned by the
         * server. See {@link EngineOptions#scheduler()}.
         */
        public Builder scheduler(@Nullable Scheduler scheduler) {
            engine.scheduler(scheduler);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first invalid option
         */
        public ServerOptions build() {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "connectTimeout must be positive, was " + connectTimeout);
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            return new ServerOptions(this);
        }
    }
}
