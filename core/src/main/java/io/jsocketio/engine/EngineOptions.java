package io.jsocketio.engine;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The Engine.IO options, with the Node server's defaults. Built with {@link #builder()}; immutable.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>path</td><td>{@code /engine.io/} (the Socket.IO server uses {@code /socket.io/})</td></tr>
 *   <tr><td>pingInterval</td><td>25 s</td></tr>
 *   <tr><td>pingTimeout</td><td>20 s</td></tr>
 *   <tr><td>upgradeTimeout</td><td>10 s</td></tr>
 *   <tr><td>closeTimeout</td><td>30 s (Node's {@code ws})</td></tr>
 *   <tr><td>maxHttpBufferSize</td><td>1,000,000 bytes</td></tr>
 *   <tr><td>transports</td><td>polling, websocket</td></tr>
 *   <tr><td>allowUpgrades</td><td>true</td></tr>
 *   <tr><td>allowRequest</td><td>none</td></tr>
 *   <tr><td>cookie</td><td>off</td></tr>
 *   <tr><td>initialPacket</td><td>none</td></tr>
 *   <tr><td>httpCompression</td><td>on, threshold 1024 bytes</td></tr>
 *   <tr><td>perMessageDeflate</td><td>off</td></tr>
 *   <tr><td>cors</td><td>none: only same-origin browser requests pass</td></tr>
 *   <tr><td>allowEIO3</td><td>false</td></tr>
 *   <tr><td>inlineDispatch</td><td>true</td></tr>
 *   <tr><td>maxQueuedInbound</td><td>128 messages</td></tr>
 *   <tr><td>maxBufferedOutbound</td><td>10,000,000 bytes</td></tr>
 *   <tr><td>roles</td><td>none (not a Node option: container security)</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class EngineOptions {
    private final String path;
    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final Duration upgradeTimeout;
    private final Duration closeTimeout;
    private final long maxHttpBufferSize;
    private final Set<TransportType> transports;
    private final boolean allowUpgrades;
    private final @Nullable AllowRequest allowRequest;
    private final @Nullable CookieOptions cookie;
    private final @Nullable EngineMessage initialPacket;
    private final int httpCompressionThreshold;
    private final boolean perMessageDeflate;
    private final @Nullable CorsOptions cors;
    private final boolean allowEIO3;
    private final Set<String> roles;
    private final @Nullable Executor executor;
    private final @Nullable Scheduler scheduler;
    private final boolean inlineDispatch;
    private final int maxQueuedInbound;
    private final long maxBufferedOutbound;

    private EngineOptions(Builder b) {
        this.path = b.path;
        this.pingInterval = b.pingInterval;
        this.pingTimeout = b.pingTimeout;
        this.upgradeTimeout = b.upgradeTimeout;
        this.closeTimeout = b.closeTimeout;
        this.maxHttpBufferSize = b.maxHttpBufferSize;
        this.transports = Set.copyOf(b.transports);
        this.allowUpgrades = b.allowUpgrades;
        this.allowRequest = b.allowRequest;
        this.cookie = b.cookie;
        this.initialPacket = b.initialPacket;
        this.httpCompressionThreshold = b.httpCompressionThreshold;
        this.perMessageDeflate = b.perMessageDeflate;
        this.cors = b.cors;
        this.allowEIO3 = b.allowEIO3;
        this.roles = Set.copyOf(b.roles);
        this.executor = b.executor;
        this.scheduler = b.scheduler;
        this.inlineDispatch = b.inlineDispatch;
        this.maxQueuedInbound = b.maxQueuedInbound;
        this.maxBufferedOutbound = b.maxBufferedOutbound;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EngineOptions defaults() {
        return builder().build();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The path the transports are mounted on, with leading and trailing slash. */
    public String path() {
        return path;
    }

    /** Time between two server pings. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** How long a pong may take before the session closes with {@code ping timeout}. */
    public Duration pingTimeout() {
        return pingTimeout;
    }

    /** How long an upgrade to WebSocket may take before it is abandoned. */
    public Duration upgradeTimeout() {
        return upgradeTimeout;
    }

    /**
     * How long a WebSocket connection may stay after the server sent its close frame: a client that
     * neither answers with its own close frame nor closes the connection loses it then (Node's
     * {@code ws} destroys the socket 30 s after its close frame). Applies to every session end
     * (server close, ping timeout, parse error, connect timeout, {@code io.close()}); the
     * transports also make it the container's idle timeout once the close frame was sent.
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** The largest POST body or WebSocket message accepted, in bytes ({@code maxPayload}). */
    public long maxHttpBufferSize() {
        return maxHttpBufferSize;
    }

    /** The transports accepted. */
    public Set<TransportType> transports() {
        return transports;
    }

    /** Whether polling sessions may upgrade to WebSocket. */
    public boolean allowUpgrades() {
        return allowUpgrades;
    }

    /** The hook that may refuse handshakes, or null. */
    public @Nullable AllowRequest allowRequest() {
        return allowRequest;
    }

    /** The session cookie, or null when off. */
    public @Nullable CookieOptions cookie() {
        return cookie;
    }

    /** A message sent right after the open packet, or null. */
    public @Nullable EngineMessage initialPacket() {
        return initialPacket;
    }

    /**
     * Polling responses of at least this many bytes are compressed (gzip or deflate, as the client
     * accepts); negative when compression is off.
     */
    public int httpCompressionThreshold() {
        return httpCompressionThreshold;
    }

    /** Whether WebSocket per-message deflate is offered (where the container supports it). */
    public boolean perMessageDeflate() {
        return perMessageDeflate;
    }

    /** The CORS settings, or null: then only same-origin browser requests pass. */
    public @Nullable CorsOptions cors() {
        return cors;
    }

    /** The origin policy in force: the CORS one, or same-origin. */
    public OriginPolicy originPolicy() {
        return cors != null ? cors.origin() : OriginPolicy.sameOrigin();
    }

    /** Whether Engine.IO v3 clients (socket.io-client 2.x) are accepted. */
    public boolean allowEIO3() {
        return allowEIO3;
    }

    /**
     * The security roles recorded at each request: while the container holds a request, the
     * transports ask it {@code isUserInRole} for each of these, so that {@link
     * EngineRequest#isUserInRole} can answer them later (a servlet container recycles its request
     * objects; nothing else can answer). Not a Node option. Empty by default; the CDI extension
     * adds the roles that its handlers' {@code @RolesAllowed} name.
     */
    public Set<String> roles() {
        return roles;
    }

    /**
     * The executor that runs session lanes, or null for the engine's default: virtual threads on
     * Java 21 and later, else a JVM-wide cached pool of daemon threads.
     */
    public @Nullable Executor executor() {
        return executor;
    }

    /**
     * The scheduler for heartbeats and timeouts, or null for one owned by the engine (one daemon
     * thread, stopped by {@link EngineServer#close()}). A given scheduler is not closed by the
     * engine.
     */
    public @Nullable Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Whether a session's listeners may run on the container thread that delivered its packets when
     * the session's lane is idle (decode, dispatch, encode and write in one pass, as Node's event
     * loop does per connection); otherwise, or when the lane is busy, they run on the {@link
     * #executor()}. Leave it on unless listeners block for long (a database call, a remote call):
     * such a listener holds a container thread while it runs.
     */
    public boolean inlineDispatch() {
        return inlineDispatch;
    }

    /**
     * How many inbound messages of one session may wait for its lane. Over it, the transport stops
     * taking that session's input until the lane has caught up (back-pressure on that one sender: a
     * WebSocket frame is not read, a polling POST is not answered); memory per session stays
     * bounded by this many times {@link #maxHttpBufferSize()}.
     */
    public int maxQueuedInbound() {
        return maxQueuedInbound;
    }

    /**
     * How many payload bytes (text counted in characters) may wait in one session's outbound queue
     * for its transport, for example while a client does not read. Past it the session closes with
     * {@code transport error} (description {@code send buffer full}); volatile packets are dropped
     * long before, as soon as the transport is busy.
     */
    public long maxBufferedOutbound() {
        return maxBufferedOutbound;
    }

    /**
     * Builds {@link EngineOptions}.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private String path = "/engine.io/";
        private Duration pingInterval = Duration.ofSeconds(25);
        private Duration pingTimeout = Duration.ofSeconds(20);
        private Duration upgradeTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private long maxHttpBufferSize = 1_000_000;
        private Set<TransportType> transports = EnumSet.allOf(TransportType.class);
        private boolean allowUpgrades = true;
        private @Nullable AllowRequest allowRequest;
        private @Nullable CookieOptions cookie;
        private @Nullable EngineMessage initialPacket;
        private int httpCompressionThreshold = 1024;
        private boolean perMessageDeflate;
        private @Nullable CorsOptions cors;
        private boolean allowEIO3;
        private boolean inlineDispatch = true;
        private int maxQueuedInbound = 128;
        private long maxBufferedOutbound = 10_000_000;
        private Set<String> roles = Set.of();
        private @Nullable Executor executor;
        private @Nullable Scheduler scheduler;

        private Builder() {}

        private Builder(EngineOptions o) {
            path = o.path;
            pingInterval = o.pingInterval;
            pingTimeout = o.pingTimeout;
            upgradeTimeout = o.upgradeTimeout;
            closeTimeout = o.closeTimeout;
            maxHttpBufferSize = o.maxHttpBufferSize;
            transports = EnumSet.copyOf(o.transports);
            allowUpgrades = o.allowUpgrades;
            allowRequest = o.allowRequest;
            cookie = o.cookie;
            initialPacket = o.initialPacket;
            httpCompressionThreshold = o.httpCompressionThreshold;
            perMessageDeflate = o.perMessageDeflate;
            cors = o.cors;
            allowEIO3 = o.allowEIO3;
            roles = o.roles;
            executor = o.executor;
            scheduler = o.scheduler;
            inlineDispatch = o.inlineDispatch;
            maxQueuedInbound = o.maxQueuedInbound;
            maxBufferedOutbound = o.maxBufferedOutbound;
        }

        /** See {@link EngineOptions#path()}; a missing leading or trailing slash is added. */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            String p = path.startsWith("/") ? path : "/" + path;
            this.path = p.endsWith("/") ? p : p + "/";
            return this;
        }

        /** See {@link EngineOptions#pingInterval()}. */
        public Builder pingInterval(Duration d) {
            this.pingInterval = Objects.requireNonNull(d, "pingInterval");
            return this;
        }

        /** As {@link #pingInterval(Duration)} in milliseconds, the unit of Node's option. */
        public Builder pingInterval(long millis) {
            return pingInterval(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#pingTimeout()}. */
        public Builder pingTimeout(Duration d) {
            this.pingTimeout = Objects.requireNonNull(d, "pingTimeout");
            return this;
        }

        /** As {@link #pingTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder pingTimeout(long millis) {
            return pingTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#upgradeTimeout()}. */
        public Builder upgradeTimeout(Duration d) {
            this.upgradeTimeout = Objects.requireNonNull(d, "upgradeTimeout");
            return this;
        }

        /** As {@link #upgradeTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder upgradeTimeout(long millis) {
            return upgradeTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#closeTimeout()}. */
        public Builder closeTimeout(Duration d) {
            this.closeTimeout = Objects.requireNonNull(d, "closeTimeout");
            return this;
        }

        /** As {@link #closeTimeout(Duration)} in milliseconds, the unit of Node's option. */
        public Builder closeTimeout(long millis) {
            return closeTimeout(Duration.ofMillis(millis));
        }

        /** See {@link EngineOptions#maxHttpBufferSize()}. */
        public Builder maxHttpBufferSize(long bytes) {
            this.maxHttpBufferSize = bytes;
            return this;
        }

        /** See {@link EngineOptions#transports()}. */
        public Builder transports(Set<TransportType> transports) {
            this.transports =
                    transports.isEmpty()
                            ? EnumSet.noneOf(TransportType.class)
                            : EnumSet.copyOf(transports);
            return this;
        }

        /** See {@link EngineOptions#allowUpgrades()}. */
        public Builder allowUpgrades(boolean allow) {
            this.allowUpgrades = allow;
            return this;
        }

        /** See {@link EngineOptions#allowRequest()}. */
        public Builder allowRequest(@Nullable AllowRequest hook) {
            this.allowRequest = hook;
            return this;
        }

        /** See {@link EngineOptions#cookie()}. */
        public Builder cookie(@Nullable CookieOptions cookie) {
            this.cookie = cookie;
            return this;
        }

        /** See {@link EngineOptions#initialPacket()}. */
        public Builder initialPacket(@Nullable EngineMessage message) {
            this.initialPacket = message;
            return this;
        }

        /** Compresses polling responses of at least {@code thresholdBytes}. */
        public Builder httpCompression(int thresholdBytes) {
            if (thresholdBytes < 0) {
                throw new IllegalArgumentException("httpCompression threshold must be >= 0");
            }
            this.httpCompressionThreshold = thresholdBytes;
            return this;
        }

        /** Turns polling response compression off. */
        public Builder noHttpCompression() {
            this.httpCompressionThreshold = -1;
            return this;
        }

        /** See {@link EngineOptions#perMessageDeflate()}. */
        public Builder perMessageDeflate(boolean on) {
            this.perMessageDeflate = on;
            return this;
        }

        /** See {@link EngineOptions#cors()}. */
        public Builder cors(@Nullable CorsOptions cors) {
            this.cors = cors;
            return this;
        }

        /** See {@link EngineOptions#allowEIO3()}. */
        public Builder allowEIO3(boolean allow) {
            this.allowEIO3 = allow;
            return this;
        }

        /** See {@link EngineOptions#roles()}; replaces the roles given before. */
        public Builder roles(Set<String> roles) {
            this.roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
            return this;
        }

        /** See {@link EngineOptions#executor()}. */
        public Builder executor(@Nullable Executor executor) {
            this.executor = executor;
            return this;
        }

        /** See {@link EngineOptions#scheduler()}. */
        public Builder scheduler(@Nullable Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** See {@link EngineOptions#inlineDispatch()}. */
        public Builder inlineDispatch(boolean inline) {
            this.inlineDispatch = inline;
            return this;
        }

        /** See {@link EngineOptions#maxQueuedInbound()}. */
        public Builder maxQueuedInbound(int messages) {
            this.maxQueuedInbound = messages;
            return this;
        }

        /** See {@link EngineOptions#maxBufferedOutbound()}. */
        public Builder maxBufferedOutbound(long bytes) {
            this.maxBufferedOutbound = bytes;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first invalid option
         */
        public EngineOptions build() {
            positive(pingInterval, "pingInterval");
            positive(pingTimeout, "pingTimeout");
            positive(upgradeTimeout, "upgradeTimeout");
            positive(closeTimeout, "closeTimeout");
            if (maxHttpBufferSize <= 0) {
                throw new IllegalArgumentException("maxHttpBufferSize must be > 0");
            }
            if (maxBufferedOutbound <= 0) {
                throw new IllegalArgumentException("maxBufferedOutbound must be > 0");
            }
            if (maxQueuedInbound <= 0) {
                throw new IllegalArgumentException("maxQueuedInbound must be > 0");
            }
            if (transports.isEmpty()) {
                throw new IllegalArgumentException("transports must not be empty");
            }
            return new EngineOptions(this);
        }

        private static void positive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }
    }
}
