package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.TransportType;
import io.jsocketio.servlet.ServletTransport;
import io.jsocketio.websocket.WebSocketTransport;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Installs the server's transports on the application's own servlet context (so on its port and
 * under its context path): the long-polling servlet at {@code <path>*} at once, and the JSR-356
 * endpoint at {@code <path>} when the context starts. Spring Boot enables the container's WebSocket
 * support (Tomcat's {@code WsSci}, Jetty's WebSocket initializer) in an initializer that may run
 * after this one, so the endpoint waits for the {@code ServerContainer}; without one (no WebSocket
 * support on the class path) only long-polling is served, and a warning says so.
 *
 * <p>Thread-safety: the container calls it once, on one thread, while the context initializes.
 */
final class TransportsInitializer implements ServletContextInitializer {
    private static final Logger LOG = System.getLogger(TransportsInitializer.class.getName());

    private final Server server;

    TransportsInitializer(Server server) {
        this.server = server;
    }

    @Override
    public void onStartup(ServletContext context) {
        EngineMount mount = server.mount();
        ServletTransport.install(context, mount);
        if (!mount.engine().options().transports().contains(TransportType.WEBSOCKET)) {
            return;
        }
        WebSocketTransport.prepare(context);
        context.addListener(
                new ServletContextListener() {
                    @Override
                    public void contextInitialized(ServletContextEvent event) {
                        Object container =
                                event.getServletContext()
                                        .getAttribute(ServerContainer.class.getName());
                        if (container instanceof ServerContainer serverContainer) {
                            WebSocketTransport.install(serverContainer, mount);
                        } else {
                            LOG.log(
                                    Level.WARNING,
                                    () ->
                                            "jsocketio: the servlet container has no WebSocket"
                                                    + " support (add spring-boot-starter-websocket);"
                                                    + " only HTTP long-polling is served at "
                                                    + mount.path());
                        }
                    }
                });
        LOG.log(
                Level.INFO,
                () -> "jsocketio installed at " + context.getContextPath() + mount.path());
    }
}
