package io.jsocketio.cdi;

import io.jsocketio.ServerOptions;

/**
 * A CDI bean that adjusts the options of the injectable {@link io.jsocketio.Server} before it is
 * created: {@code pingInterval}, {@code cors}, {@code adapter}, ... The {@code path} and {@code
 * serveClient} init parameters of the {@link SocketIoServlet} in {@code web.xml} are applied after
 * every customizer, so the servlet's path always matches the engine's.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class Options implements ServerCustomizer {
 *     public void customize(ServerOptions.Builder options) { options.pingInterval(Duration.ofSeconds(10)); }
 * }
 * }</pre>
 *
 * <p>Thread-safety: called once, on the thread that first uses the server, in the order of the
 * customizers' class names.
 */
@FunctionalInterface
public interface ServerCustomizer {
    /** Adjusts the options; called once. */
    void customize(ServerOptions.Builder options);
}
