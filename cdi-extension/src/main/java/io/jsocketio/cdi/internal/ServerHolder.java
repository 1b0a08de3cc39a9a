package io.jsocketio.cdi.internal;

import io.jsocketio.Server;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.websocket.WebSocketTransport;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Server} of one web application, found on first use: a {@code Server} already stored in
 * the {@code io.jsocketio.Server} context attribute, else the CDI bean (when the application runs
 * CDI with the jsocketio extension), else a plain server created from the {@code web.xml} settings
 * and closed with the context. Registered as a listener, it resolves the server when the context
 * starts, after CDI has booted, and closes the server it created when the context stops.
 *
 * <p>Thread-safety: safe for concurrent use; resolution happens once, under {@code lock}.
 */
public final class ServerHolder implements ServletContextListener {
    /** The context attribute under which the holder is stored. */
    public static final String ATTRIBUTE = ServerHolder.class.getName();

    /** The context attribute under which the resolved server is published. */
    public static final String SERVER_ATTRIBUTE = Server.class.getName();

    private static final Logger LOG = System.getLogger(ServerHolder.class.getName());

    private final Object lock = new Object();
    private final ServletContext context;
    private final Settings settings;
    private final DeferredEngine engine;
    private @Nullable Server server; // guarded by lock
    private @Nullable EngineMount mount; // guarded by lock
    private boolean owned; // guarded by lock
    private volatile boolean installWebSocket;

    ServerHolder(ServletContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
        this.engine = new DeferredEngine(this, settings);
    }

    /** The mount given to the WebSocket transport at start-up: its engine resolves on first use. */
    EngineMount deferredMount() {
        return new EngineMount(engine, null);
    }

    /** Asks {@link #contextInitialized} to register the WebSocket endpoint. */
    void installWebSocketLater() {
        installWebSocket = true;
    }

    /** The settings read from {@code web.xml}. */
    public Settings settings() {
        return settings;
    }

    /** The server, resolved on the first call. */
    public Server server() {
        return resolve().server;
    }

    /** The mount of the resolved server (engine and client files). */
    public EngineMount mount() {
        return resolve().mount;
    }

    /** The mount if the server is resolved already, without resolving it. */
    @Nullable EngineMount resolvedMount() {
        synchronized (lock) {
            return mount;
        }
    }

    private record Resolved(Server server, EngineMount mount) {}

    private Resolved resolve() {
        synchronized (lock) {
            Server s = server;
            EngineMount m = mount;
            if (s != null && m != null) {
                return new Resolved(s, m);
            }
            boolean created = false;
            Object attribute = context.getAttribute(SERVER_ATTRIBUTE);
            if (attribute instanceof Server given) {
                s = given;
            } else {
                s = CdiLookup.server(settings);
                if (s == null) {
                    s = new Server(settings.apply(io.jsocketio.ServerOptions.builder()).build());
                    created = true;
                }
            }
            if (!s.path().equals(settings.path())) {
                throw new IllegalStateException(
                        "the jsocketio server's path "
                                + s.path()
                                + " differs from the servlet's path init parameter "
                                + settings.path());
            }
            m = s.mount();
            server = s;
            mount = m;
            owned = created;
            context.setAttribute(SERVER_ATTRIBUTE, s);
            Server resolved = s;
            boolean madeHere = created;
            LOG.log(
                    Level.DEBUG,
                    () ->
                            "jsocketio server at "
                                    + resolved.path()
                                    + (madeHere ? " created from web.xml" : " found"));
            return new Resolved(s, m);
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (installWebSocket) {
            Object container = context.getAttribute(ServerContainer.class.getName());
            if (container instanceof ServerContainer serverContainer) {
                // without the handshake request listener: listeners cannot be added any more
                WebSocketTransport.install(serverContainer, deferredMount());
            } else {
                LOG.log(
                        Level.WARNING,
                        () ->
                                "jsocketio: no WebSocket support in this context; only HTTP"
                                        + " long-polling is available at "
                                        + settings.path());
            }
        }
        resolve();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Server toClose;
        synchronized (lock) {
            toClose = owned ? server : null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
