package io.jsocketio.hosting;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.HttpServerOptions;
import java.io.IOException;
import java.util.List;

/**
 * Starts an embedded HTTP server carrying engine mounts; what {@code new Server(port)} uses. Found
 * with {@link java.util.ServiceLoader}; the {@code jsocketio-embedded-jetty} module provides one.
 *
 * <p>Thread-safety: implementations are stateless and safe for concurrent use.
 */
public interface EmbeddedServerProvider {

    /**
     * Starts a server listening on {@code host:port} (port 0 picks a free port) with both
     * transports installed for every mount; returns when it accepts connections.
     *
     * @throws IOException when it cannot listen
     */
    EmbeddedServer start(String host, int port, List<EngineMount> mounts) throws IOException;

    /**
     * As {@link #start(String, int, List)}, with these limits against slow clients. The default
     * ignores them; the Jetty provider applies them.
     *
     * @throws IOException when it cannot listen
     */
    default EmbeddedServer start(
            String host, int port, List<EngineMount> mounts, HttpServerOptions http)
            throws IOException {
        return start(host, port, mounts);
    }

    /**
     * The provider on the class path.
     *
     * @throws IllegalStateException naming the module to add when there is none
     */
    static EmbeddedServerProvider load() {
        return java.util.ServiceLoader.load(EmbeddedServerProvider.class)
                .findFirst()
                .or(
                        () ->
                                java.util.ServiceLoader.load(
                                                EmbeddedServerProvider.class,
                                                EmbeddedServerProvider.class.getClassLoader())
                                        .findFirst())
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No embedded HTTP server found: add the dependency"
                                                + " io.jsocketio:jsocketio-embedded-jetty to listen on a port,"
                                                + " or attach the server to a ServletContext"));
    }

    /**
     * A running embedded server.
     *
     * <p>Thread-safety: safe for concurrent use.
     */
    interface EmbeddedServer extends AutoCloseable {
        /** The port it listens on (the real one when 0 was asked). */
        int port();

        /** Stops it; idempotent. */
        @Override
        void close();
    }
}
