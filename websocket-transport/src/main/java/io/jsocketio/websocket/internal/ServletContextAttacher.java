package io.jsocketio.websocket.internal;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.hosting.ContainerAttacher;
import io.jsocketio.websocket.EngineTransports;
import jakarta.servlet.ServletContext;

/**
 * Lets {@code new Server(servletContext)} and {@code server.attach(servletContext)} install both
 * transports: found by core through {@link java.util.ServiceLoader}.
 *
 * <p>Thread-safety: stateless; safe for concurrent use. {@link #attach} must be called while the
 * context is being initialized (a {@code ServletContextListener} or initializer), as the Servlet
 * API requires for dynamic registration.
 */
public final class ServletContextAttacher implements ContainerAttacher {

    @Override
    public boolean supports(Object container) {
        return container instanceof ServletContext;
    }

    @Override
    public void attach(Object container, EngineMount mount) {
        EngineTransports.install((ServletContext) container, mount);
    }
}
