package io.jsocketio.hosting;

import io.jsocketio.engine.EngineMount;

/**
 * Installs an engine mount in a container object, such as a {@code jakarta.servlet.ServletContext}
 * (what {@code new Server(servletContext)} and {@code attach(servletContext)} use). Found with
 * {@link java.util.ServiceLoader}; the servlet and WebSocket transport modules provide one.
 *
 * <p>Thread-safety: implementations are stateless and safe for concurrent use.
 */
public interface ContainerAttacher {

    /** Whether this attacher understands {@code container}. */
    boolean supports(Object container);

    /**
     * Installs both transports (and the mount's static files) at the mount's path.
     *
     * @throws IllegalStateException when the container can no longer take them (e.g. after startup)
     */
    void attach(Object container, EngineMount mount);
}
