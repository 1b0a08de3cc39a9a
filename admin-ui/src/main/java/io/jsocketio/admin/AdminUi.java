package io.jsocketio.admin;

import io.jsocketio.Server;
import io.jsocketio.admin.internal.Instrumentation;
import java.util.Objects;

/**
 * The server side of the official Socket.IO Admin UI ({@code instrument(io, opts)} of
 * {@code @socket.io/admin-ui} 0.5.x):
 *
 * <pre>{@code
 * Server io = new Server(3000);
 * AdminUi.instrument(io, AdminUiOptions.builder()
 *         .basicAuth("admin", "$2a$10$...")            // a bcrypt hash of the password
 *         .build());
 * // open http://localhost:3000/admin/ and connect to http://localhost:3000 (namespace /admin)
 * }</pre>
 *
 * <p>The admin namespace (default {@code /admin}) sends each UI that connects {@code config} (the
 * supported features) and, in development mode, {@code all_sockets} (every socket of every
 * namespace, across the cluster through {@code fetchSockets}); every 2 s {@code server_stats}
 * (server id, host name, pid, uptime, engine clients, polling clients, aggregated events and the
 * namespaces with their socket counts); in development mode also each connection, disconnection,
 * room change and event as it happens. Unless {@code readonly}, the UI's {@code emit}, {@code
 * join}, {@code leave} and {@code _disconnect} act through the adapter, so in a cluster they reach
 * the sockets of every server, Java or Node.
 *
 * <p>The UI's files come with this module's jar: the embedded server ({@code new Server(port)})
 * serves them at {@code /admin/} (its class-path directory {@code META-INF/jsocketio/public/}); in
 * a WAR {@link AdminUiInitializer} maps {@link AdminUiServlet} at {@code /admin/} or a path of your
 * choice. A UI served from elsewhere (such as the hosted one) connects cross-origin: allow its
 * origin with credentials in the server's {@code cors} option.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} is idempotent.
 */
public final class AdminUi implements AutoCloseable {
    private final Instrumentation instrumentation;

    private AdminUi(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * Instruments {@code io}: creates the admin namespace with its login and starts observing the
     * server. Call it once per server, before or after it is attached.
     */
    public static AdminUi instrument(Server io, AdminUiOptions options) {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(options, "options");
        return new AdminUi(Instrumentation.install(io, options));
    }

    /** Stops sending {@code server_stats}; the namespace stays. Idempotent. */
    @Override
    public void close() {
        instrumentation.close();
    }
}
