package io.jsocketio.jetty;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.HttpServerOptions;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.jetty.internal.HeadersTimeout;
import io.jsocketio.jetty.internal.JettyPollingHandler;
import io.jsocketio.jetty.internal.MinimumDataRate;
import io.jsocketio.jetty.internal.WebSocketUpgradeHandler;
import io.jsocketio.websocket.EngineTransports;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Starts an embedded Jetty 12 (ee10) with the long-polling servlet and the WebSocket endpoint of
 * every mount installed on one root context ({@link EngineTransports#install}): what {@code
 * attach(port)} and {@code listen(port)} use when this module is present. One HTTP/1.1 connector
 * listens on {@code host:port}; port 0 binds a free port, which {@link EmbeddedServer#port()}
 * returns. No {@code Server} header is sent, like the Node server.
 *
 * <p>WebSocket: in front of the context, a Jetty-native transport takes the mounts' clean WebSocket
 * upgrades ({@code transport=websocket}) and runs them on a bare RFC 6455 connection on Jetty's
 * {@code EndPoint} (one gathering write per batch of frames, no per-frame timer, no per-connection
 * thread), which costs far less per frame and per connect than the JSR-356 stack. An engine with
 * {@code perMessageDeflate} on, and every request that is not a clean upgrade, still goes to the
 * JSR-356 endpoint, so a bad upgrade gets the same answer as in a WAR. A close handshake the client
 * does not complete is cut after 30 s, as Node's {@code ws} does.
 *
 * <p>Static files: when the class path holds a directory {@value #PUBLIC_RESOURCES}, its files are
 * served at {@code /} by GET (with {@code index.html} for a directory, no listings), below the
 * engine mounts, which keep their paths. This is the embedded server's only addition to what Node's
 * {@code new Server(port)} serves; it lets an application ship its page next to the server, as
 * {@code examples/chat} does. Without that directory nothing else is served.
 *
 * <p>Thread-safety: stateless; {@link #start} may be called concurrently, each call starts its own
 * server. The returned server is safe for concurrent use and its {@code close()} is idempotent.
 */
public final class JettyServerProvider implements EmbeddedServerProvider {
    private static final Logger LOG = System.getLogger(JettyServerProvider.class.getName());

    /** How long a request body may take before the minimum data rate is enforced. */
    static final java.time.Duration RATE_GRACE = java.time.Duration.ofSeconds(3);

    /** The class-path directory whose files are served at {@code /} when it exists. */
    public static final String PUBLIC_RESOURCES = "META-INF/jsocketio/public/";

    /** The connector's accept backlog. */
    static final int ACCEPT_QUEUE_SIZE = 1024;

    private final boolean nativeTransports;

    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public JettyServerProvider() {
        this(true);
    }

    /**
     * A provider with or without the native transports (without them, every request goes through
     * the polling servlet and the JSR-356 endpoint, as in a WAR: for the tests of that path on
     * Jetty).
     */
    JettyServerProvider(boolean nativeTransports) {
        this.nativeTransports = nativeTransports;
    }

    @Override
    public EmbeddedServer start(String host, int port, List<EngineMount> mounts)
            throws IOException {
        return start(host, port, mounts, HttpServerOptions.defaults());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The headers timeout closes a connection that has not sent a complete request line and
     * headers in time (see {@link HeadersTimeout}); a request body that arrives below the minimum
     * data rate, on average after a grace of {@link #RATE_GRACE}, fails and its connection is
     * closed (see {@link MinimumDataRate}).
     */
    @Override
    public EmbeddedServer start(
            String host, int port, List<EngineMount> mounts, HttpServerOptions limits)
            throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        List<EngineMount> copy = List.copyOf(mounts);
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jsocketio-jetty");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = newConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        JakartaWebSocketServletContainerInitializer.configure(
                context,
                (servletContext, container) ->
                        EngineTransports.install(servletContext, copy.toArray(EngineMount[]::new)));
        servePublicResources(context);
        Handler handler = nativeTransports ? withNativeTransports(copy, context) : context;
        if (limits.minRequestDataRate() > 0) {
            handler = new MinimumDataRate(limits.minRequestDataRate(), RATE_GRACE, handler);
        }
        if (!limits.headersTimeout().isZero()) {
            HeadersTimeout headers =
                    new HeadersTimeout(limits.headersTimeout(), connector.getScheduler(), handler);
            connector.addBean(headers);
            handler = headers;
        }
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("could not start Jetty on " + host + ":" + port, e);
        }
        int bound = connector.getLocalPort();
        LOG.log(
                Level.INFO,
                () ->
                        "jsocketio listening on "
                                + host
                                + ":"
                                + bound
                                + " at "
                                + copy.stream().map(EngineMount::path).toList());
        return new JettyServer(server, bound);
    }

    /**
     * The HTTP/1.1 connector, tuned for many long-lived connections and bursts of connects: no
     * acceptor thread (the selector accepts, without a blocking {@code accept} per connection on a
     * thread of its own), Jetty's default number of selectors, and an accept backlog of {@value
     * #ACCEPT_QUEUE_SIZE} (the JDK's default of 50 drops SYNs under a burst of new clients; Node
     * listens with 511).
     */
    static ServerConnector newConnector(Server server, HttpConnectionFactory http) {
        ServerConnector connector = new ServerConnector(server, 0, -1, http);
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        return connector;
    }

    /**
     * Puts the Jetty-native WebSocket transport in front of the context: the mounts' WebSocket
     * upgrades run on a bare RFC 6455 connection instead of the JSR-356 stack (engines with {@code
     * perMessageDeflate} on, and anything that is not a clean upgrade, still go to the context).
     */
    /**
     * The native transports in front of the servlet context: WebSocket upgrades, then long-polling
     * on Jetty's core API (without the servlet layer); everything else (the client bundle, the
     * application's resources, upgrades the native transport leaves to JSR-356) goes on to the
     * context.
     */
    private static Handler withNativeTransports(List<EngineMount> mounts, Handler context) {
        Handler polling = new JettyPollingHandler(mounts, context);
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler(mounts, polling);
        return upgrades.isEmpty() ? polling : upgrades;
    }

    /** Serves {@link #PUBLIC_RESOURCES} at {@code /} when the class path has that directory. */
    private static void servePublicResources(ServletContextHandler context) {
        Resource files = ResourceFactory.of(context).newClassLoaderResource(PUBLIC_RESOURCES);
        if (files == null || !files.exists()) {
            return;
        }
        context.setBaseResource(files);
        context.setWelcomeFiles(new String[] {"index.html"});
        ServletHolder holder = new ServletHolder("jsocketio-public", ResourceServlet.class);
        holder.setInitParameter("dirAllowed", "false");
        holder.setInitParameter("welcomeServlets", "false");
        context.addServlet(holder, "/");
        LOG.log(Level.DEBUG, () -> "serving " + files + " at /");
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, () -> "stopping Jetty failed: " + e);
        }
    }

    /** A running Jetty. */
    private static final class JettyServer implements EmbeddedServer {
        private final Server server;
        private final int port;
        private final AtomicBoolean closed = new AtomicBoolean();

        JettyServer(Server server, int port) {
            this.server = server;
            this.port = port;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                stopQuietly(server);
                LOG.log(Level.INFO, () -> "jsocketio stopped listening on port " + port);
            }
        }

        @Override
        public String toString() {
            return "Jetty on port " + port;
        }
    }
}
