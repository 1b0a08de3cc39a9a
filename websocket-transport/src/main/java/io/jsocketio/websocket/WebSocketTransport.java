package io.jsocketio.websocket;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.websocket.internal.EndpointConfigurator;
import io.jsocketio.websocket.internal.EngineEndpoint;
import io.jsocketio.websocket.internal.HandshakeRequests;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Objects;

/**
 * Registers the Engine.IO WebSocket transport of an engine: a programmatic {@code
 * jakarta.websocket.Endpoint} at the engine's path (for example {@code /socket.io/}, exactly;
 * JSR-356 matches endpoint paths exactly), whose handshake is captured (headers, query, peer
 * address, TLS) into the request the engine sees. Plain HTTP requests on the same path go on to the
 * polling servlet, so both transports share one path; {@link EngineTransports#install} installs
 * both.
 *
 * <p>Call it while the context initializes (JSR-356 containers refuse endpoints added after the
 * first handshake). In an embedded Tomcat, the path must also be covered by a servlet mapping, or
 * no request reaches Tomcat's WebSocket filter: the polling servlet's {@code <path>*} mapping does
 * it.
 *
 * <p>Thread-safety: stateless; the container calls initializers on one thread.
 */
public final class WebSocketTransport {
    private static final String LISTENER_INSTALLED =
            WebSocketTransport.class.getName() + ".listener";

    private WebSocketTransport() {}

    /**
     * Registers the mount's endpoint on the context's {@link ServerContainer}, and a request
     * listener (once per context) that lets the handshake see the peer's address.
     *
     * @throws IllegalStateException when the context has no WebSocket container, or it refuses the
     *     endpoint (the path is taken, or the context is already running)
     */
    public static void install(ServletContext context, EngineMount mount) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(mount, "mount");
        Object container = context.getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer serverContainer)) {
            throw new IllegalStateException(
                    "no jakarta.websocket ServerContainer on this ServletContext: enable the"
                            + " container's WebSocket support (Jetty:"
                            + " JakartaWebSocketServletContainerInitializer; Tomcat: WsSci)");
        }
        prepare(context);
        install(serverContainer, mount);
    }

    /**
     * Adds, once per context, the request listener that lets handshakes see the peer's address and
     * TLS: for set-ups that register the endpoint later with {@link #install(ServerContainer,
     * EngineMount)}, when the container's {@code ServerContainer} exists only once the context
     * starts (Spring Boot). Call it while the context initializes.
     */
    public static void prepare(ServletContext context) {
        Objects.requireNonNull(context, "context");
        if (context.getAttribute(LISTENER_INSTALLED) == null) {
            context.addListener(new HandshakeRequests.Listener());
            context.setAttribute(LISTENER_INSTALLED, Boolean.TRUE);
        }
    }

    /**
     * Registers the mount's endpoint on a {@link ServerContainer}. Without the request listener
     * that {@link #install(ServletContext, EngineMount)} adds, the peer's address is only known
     * where the container offers it (Jetty does; Tomcat does not).
     *
     * @throws IllegalStateException when the container refuses the endpoint
     */
    public static void install(ServerContainer container, EngineMount mount) {
        Objects.requireNonNull(container, "container");
        try {
            container.addEndpoint(endpointConfig(mount));
        } catch (DeploymentException e) {
            throw new IllegalStateException(
                    "could not register the WebSocket endpoint at " + mount.path(), e);
        }
    }

    /**
     * The endpoint configuration for the mount, for containers set up by hand: path {@link
     * EngineMount#path()}, a configurator that captures the handshake and makes one endpoint per
     * connection.
     */
    public static ServerEndpointConfig endpointConfig(EngineMount mount) {
        Objects.requireNonNull(mount, "mount");
        return ServerEndpointConfig.Builder.create(EngineEndpoint.class, mount.path())
                .configurator(new EndpointConfigurator(mount))
                .build();
    }
}
