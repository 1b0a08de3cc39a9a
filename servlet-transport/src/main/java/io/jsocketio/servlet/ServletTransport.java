package io.jsocketio.servlet;

import io.jsocketio.engine.EngineMount;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Objects;
import java.util.Set;

/**
 * Registers the long-polling transport of an engine on a {@link ServletContext}, without any {@code
 * web.xml} or {@code ServletContainerInitializer}. Call it while the context initializes: from a
 * {@code ServletContextListener}, a {@code ServletContainerInitializer}, or the set-up code of an
 * embedded container. To install the WebSocket transport on the same path in the same call, use
 * {@code io.jsocketio.websocket.EngineTransports#install} from {@code
 * jsocketio-websocket-transport}.
 *
 * <pre>{@code
 * ServletTransport.install(servletContext, EngineMount.of(engine));   // maps /engine.io/*
 * }</pre>
 *
 * <p>Thread-safety: stateless; the container calls initializers on one thread.
 */
public final class ServletTransport {
    private ServletTransport() {}

    /**
     * Registers an asynchronous {@link EngineServlet} for the mount, mapped at {@code <path>*}
     * relative to the context and named {@code jsocketio:<path>}.
     *
     * @return the registration, to adjust further (load-on-startup, security)
     * @throws IllegalStateException when the context is already initialized, or the mapping is
     *     taken by another servlet
     */
    public static ServletRegistration.Dynamic install(ServletContext context, EngineMount mount) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(mount, "mount");
        String name = "jsocketio:" + mount.path();
        ServletRegistration.Dynamic registration =
                context.addServlet(name, new EngineServlet(mount));
        if (registration == null) {
            throw new IllegalStateException("a servlet named " + name + " is already registered");
        }
        registration.setAsyncSupported(true);
        Set<String> conflicts = registration.addMapping(mapping(mount));
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(
                    "the mapping " + mapping(mount) + " is already taken: " + conflicts);
        }
        return registration;
    }

    /** The servlet mapping that covers a mount: its path followed by {@code *}. */
    public static String mapping(EngineMount mount) {
        return mount.path() + "*";
    }
}
