package io.jsocketio.spring;

import io.jsocketio.ServerOptions;
import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.engine.TransportType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code jsocketio.*} properties of the auto-configured {@link io.jsocketio.Server}. A property
 * left unset keeps the server's default, which is the Node server's (given in each description).
 *
 * <pre>
 * jsocketio.path=/socket.io/
 * jsocketio.cors.origins=https://example.com
 * jsocketio.heartbeat.ping-interval=25s
 * jsocketio.limits.max-http-buffer-size=1MB
 * jsocketio.connection-state-recovery.enabled=true
 * </pre>
 *
 * <p>Thread-safety: bound once by Spring at start-up, then only read.
 */
@ConfigurationProperties("jsocketio")
public class SocketIoProperties {
    /** Whether the auto-configuration installs Socket.IO at all. */
    private boolean enabled = true;

    /** The path of both transports, relative to the context path. Default: /socket.io/. */
    private @Nullable String path;

    /** Whether the browser client is served at {path}socket.io.js and friends. Default: true. */
    private @Nullable Boolean serveClient;

    /**
     * Whether Engine.IO v3 clients (socket.io-client 2.x) are accepted. Default: false, as in the
     * Node server.
     */
    private @Nullable Boolean allowEio3;

    /** How long a client has to join a namespace after connecting. Default: 45s. */
    private @Nullable Duration connectTimeout;

    /** The transports offered: polling, websocket. Default: both. */
    private List<String> transports = new ArrayList<>();

    private final Cors cors = new Cors();
    private final Heartbeat heartbeat = new Heartbeat();
    private final Limits limits = new Limits();
    private final Recovery connectionStateRecovery = new Recovery();
    private final Adapter adapter = new Adapter();

    /** Cross-origin requests (the {@code cors} option of Node). */
    public static class Cors {
        /**
         * The allowed origins ({@code https://example.com}), or {@code *} for any. Default: none,
         * so only same-origin pages can connect.
         */
        private List<String> origins = new ArrayList<>();

        /** Whether credentials (cookies) may be sent cross-origin. Default: false. */
        private boolean credentials;

        /**
         * The methods announced to preflight requests. Default: GET, HEAD, PUT, PATCH, POST,
         * DELETE.
         */
        private List<String> methods = new ArrayList<>();

        /**
         * The headers announced to preflight requests. Default: none, so the request's {@code
         * Access-Control-Request-Headers} is echoed.
         */
        private List<String> allowedHeaders = new ArrayList<>();

        /** The {@code Access-Control-Expose-Headers} value. Default: none. */
        private List<String> exposedHeaders = new ArrayList<>();

        /**
         * How long a preflight answer may be cached. Default: no {@code Access-Control-Max-Age}.
         */
        private @Nullable Duration maxAge;

        public List<String> getOrigins() {
            return origins;
        }

        public void setOrigins(List<String> origins) {
            this.origins = origins;
        }

        public boolean isCredentials() {
            return credentials;
        }

        public void setCredentials(boolean credentials) {
            this.credentials = credentials;
        }

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public List<String> getAllowedHeaders() {
            return allowedHeaders;
        }

        public void setAllowedHeaders(List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public List<String> getExposedHeaders() {
            return exposedHeaders;
        }

        public void setExposedHeaders(List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public @Nullable Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(@Nullable Duration maxAge) {
            this.maxAge = maxAge;
        }

        private CorsOptions toOptions() {
            OriginPolicy origin =
                    origins.contains("*") ? OriginPolicy.any() : OriginPolicy.allowList(origins);
            CorsOptions defaults = CorsOptions.of(origin);
            return new CorsOptions(
                    origin,
                    credentials,
                    methods.isEmpty() ? defaults.methods() : methods,
                    allowedHeaders,
                    exposedHeaders,
                    maxAge);
        }
    }

    /** The Engine.IO heartbeat and upgrade timers. */
    public static class Heartbeat {
        /** How often the server pings. Default: 25s. */
        private @Nullable Duration pingInterval;

        /** How long the server waits for the pong. Default: 20s. */
        private @Nullable Duration pingTimeout;

        /** How long an upgrade to WebSocket may take. Default: 10s. */
        private @Nullable Duration upgradeTimeout;

        public @Nullable Duration getPingInterval() {
            return pingInterval;
        }

        public void setPingInterval(@Nullable Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        public @Nullable Duration getPingTimeout() {
            return pingTimeout;
        }

        public void setPingTimeout(@Nullable Duration pingTimeout) {
            this.pingTimeout = pingTimeout;
        }

        public @Nullable Duration getUpgradeTimeout() {
            return upgradeTimeout;
        }

        public void setUpgradeTimeout(@Nullable Duration upgradeTimeout) {
            this.upgradeTimeout = upgradeTimeout;
        }
    }

    /** Size limits. */
    public static class Limits {
        /** The largest message or polling payload accepted. Default: 1000000 bytes (1e6). */
        private @Nullable DataSize maxHttpBufferSize;

        /**
         * How much may wait to be sent to one client (one that does not read, say) before its
         * session closes with "transport error". Default: 10000000 bytes.
         */
        private @Nullable DataSize maxBufferedOutbound;

        /**
         * How many received messages of one client may wait for its handlers before the server
         * stops reading from it (back-pressure). Default: 128.
         */
        private @Nullable Integer maxQueuedInbound;

        public @Nullable DataSize getMaxHttpBufferSize() {
            return maxHttpBufferSize;
        }

        public void setMaxHttpBufferSize(@Nullable DataSize maxHttpBufferSize) {
            this.maxHttpBufferSize = maxHttpBufferSize;
        }

        public @Nullable DataSize getMaxBufferedOutbound() {
            return maxBufferedOutbound;
        }

        public void setMaxBufferedOutbound(@Nullable DataSize maxBufferedOutbound) {
            this.maxBufferedOutbound = maxBufferedOutbound;
        }

        public @Nullable Integer getMaxQueuedInbound() {
            return maxQueuedInbound;
        }

        public void setMaxQueuedInbound(@Nullable Integer maxQueuedInbound) {
            this.maxQueuedInbound = maxQueuedInbound;
        }
    }

    /**
     * Connection state recovery (Node's {@code connectionStateRecovery} option): a client whose
     * connection dropped for a moment gets its socket back when it reconnects in time (the same id,
     * its rooms and data, and the broadcasts it missed).
     */
    public static class Recovery {
        /** Whether connection state recovery is on. Default: false, as in the Node server. */
        private boolean enabled;

        /** How long the session of a dropped socket is kept. Default: 2m. */
        private Duration maxDisconnectionDuration = Duration.ofMinutes(2);

        /**
         * Whether a recovered socket connects without running the namespace's middlewares. Default:
         * true.
         */
        private boolean skipMiddlewares = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getMaxDisconnectionDuration() {
            return maxDisconnectionDuration;
        }

        public void setMaxDisconnectionDuration(Duration maxDisconnectionDuration) {
            this.maxDisconnectionDuration = maxDisconnectionDuration;
        }

        public boolean isSkipMiddlewares() {
            return skipMiddlewares;
        }

        public void setSkipMiddlewares(boolean skipMiddlewares) {
            this.skipMiddlewares = skipMiddlewares;
        }
    }

    /**
     * The cluster adapter. Without one of its properties (or an {@code AdapterFactory} bean) the
     * server uses the in-memory adapter.
     */
    public static class Adapter {
        private final Redis redis = new Redis();

        public Redis getRedis() {
            return redis;
        }
    }

    /**
     * The Redis adapter of {@code jsocketio-redis-adapter}, wire-compatible with Node's {@code
     * @socket.io/redis-adapter} 8.x (that module must be on the class path).
     */
    public static class Redis {
        /**
         * The Redis URI ({@code redis://host:6379}, Lettuce's syntax); when set, the server uses
         * the Redis adapter. Default: none.
         */
        private @Nullable String uri;

        /** The channel prefix, the same on every server of the cluster. Default: socket.io. */
        private String key = "socket.io";

        /** How long cluster requests (fetchSockets, ...) wait for the other servers. */
        private Duration requestsTimeout = Duration.ofSeconds(5);

        /**
         * Whether answers go to the requester's own response channel; the same on every server.
         * Default: false.
         */
        private boolean publishOnSpecificResponseChannel;

        public @Nullable String getUri() {
            return uri;
        }

        public void setUri(@Nullable String uri) {
            this.uri = uri;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public Duration getRequestsTimeout() {
            return requestsTimeout;
        }

        public void setRequestsTimeout(Duration requestsTimeout) {
            this.requestsTimeout = requestsTimeout;
        }

        public boolean isPublishOnSpecificResponseChannel() {
            return publishOnSpecificResponseChannel;
        }

        public void setPublishOnSpecificResponseChannel(boolean publishOnSpecificResponseChannel) {
            this.publishOnSpecificResponseChannel = publishOnSpecificResponseChannel;
        }
    }

    /** Writes the properties that are set into {@code options}. */
    public ServerOptions.Builder applyTo(ServerOptions.Builder options) {
        if (path != null) {
            options.path(path);
        }
        if (serveClient != null) {
            options.serveClient(serveClient);
        }
        if (allowEio3 != null) {
            options.allowEIO3(allowEio3);
        }
        if (connectTimeout != null) {
            options.connectTimeout(connectTimeout);
        }
        if (!transports.isEmpty()) {
            Set<TransportType> types = new LinkedHashSet<>();
            for (String t : transports) {
                types.add(TransportType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
            }
            options.transports(types);
        }
        if (!cors.origins.isEmpty()) {
            options.cors(cors.toOptions());
        }
        if (heartbeat.pingInterval != null) {
            options.pingInterval(heartbeat.pingInterval);
        }
        if (heartbeat.pingTimeout != null) {
            options.pingTimeout(heartbeat.pingTimeout);
        }
        if (heartbeat.upgradeTimeout != null) {
            options.upgradeTimeout(heartbeat.upgradeTimeout);
        }
        if (limits.maxHttpBufferSize != null) {
            options.maxHttpBufferSize(limits.maxHttpBufferSize.toBytes());
        }
        if (limits.maxBufferedOutbound != null) {
            options.maxBufferedOutbound(limits.maxBufferedOutbound.toBytes());
        }
        if (limits.maxQueuedInbound != null) {
            options.maxQueuedInbound(limits.maxQueuedInbound);
        }
        if (connectionStateRecovery.enabled) {
            options.connectionStateRecovery(
                    connectionStateRecovery.maxDisconnectionDuration,
                    connectionStateRecovery.skipMiddlewares);
        }
        return options;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getPath() {
        return path;
    }

    public void setPath(@Nullable String path) {
        this.path = path;
    }

    public @Nullable Boolean getServeClient() {
        return serveClient;
    }

    public void setServeClient(@Nullable Boolean serveClient) {
        this.serveClient = serveClient;
    }

    public @Nullable Boolean getAllowEio3() {
        return allowEio3;
    }

    public void setAllowEio3(@Nullable Boolean allowEio3) {
        this.allowEio3 = allowEio3;
    }

    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public List<String> getTransports() {
        return transports;
    }

    public void setTransports(List<String> transports) {
        this.transports = transports;
    }

    public Cors getCors() {
        return cors;
    }

    public Heartbeat getHeartbeat() {
        return heartbeat;
    }

    public Limits getLimits() {
        return limits;
    }

    public Recovery getConnectionStateRecovery() {
        return connectionStateRecovery;
    }

    public Adapter getAdapter() {
        return adapter;
    }
}
