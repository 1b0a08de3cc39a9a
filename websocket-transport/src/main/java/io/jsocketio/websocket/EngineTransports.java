package io.jsocketio.websocket;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.TransportType;
import io.jsocketio.servlet.ServletTransport;
import jakarta.servlet.ServletContext;
import java.util.Objects;

/**
 * Installs both Engine.IO transports of one or more engines on a {@link ServletContext} in one
 * call, so a WAR or an embedded server is wired in one line:
 *
 * <pre>{@code
 * // in a ServletContextListener, a ServletContainerInitializer, or embedded set-up code
 * EngineTransports.install(servletContext, EngineMount.of(engine));
 * }</pre>
 *
 * <p>For each mount it maps the long-polling servlet at {@code <path>*} ({@link
 * ServletTransport#install}) and, when the engine accepts WebSocket, registers the endpoint at
 * {@code <path>} ({@link WebSocketTransport#install}). It lives in this module because the
 * WebSocket transport depends on the servlet transport, not the other way round. Call it while the
 * context initializes; the container's WebSocket support must be enabled first (Tomcat: {@code
 * WsSci} added before; Jetty: inside {@code
 * JakartaWebSocketServletContainerInitializer.configure}).
 *
 * <p>Thread-safety: stateless; the container calls initializers on one thread.
 */
public final class EngineTransports {
    private EngineTransports() {}

    /**
     * Installs the polling servlet and the WebSocket endpoint of every mount.
     *
     * @throws IllegalStateException as {@link ServletTransport#install} and {@link
     *     WebSocketTransport#install} do
     */
    public static void install(ServletContext context, EngineMount... mounts) {
        Objects.requireNonNull(context, "context");
        for (EngineMount mount : mounts) {
            Objects.requireNonNull(mount, "mount");
            ServletTransport.install(context, mount);
            if (mount.engine().options().transports().contains(TransportType.WEBSOCKET)) {
                WebSocketTransport.install(context, mount);
            }
        }
    }
}
