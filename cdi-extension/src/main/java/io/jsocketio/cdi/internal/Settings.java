package io.jsocketio.cdi.internal;

import io.jsocketio.ServerOptions;
import org.jspecify.annotations.Nullable;

/**
 * The server options a {@code web.xml} registration fixes: the {@code path} and {@code serveClient}
 * init parameters of the servlet.
 *
 * <p>Thread-safety: immutable.
 */
public record Settings(String path, boolean serveClient) {
    /** The defaults, as Node's: {@code /socket.io/}, client served. */
    public static final Settings DEFAULTS = new Settings("/socket.io/", true);

    /** Settings from init parameters; a missing one keeps its default. */
    public static Settings of(@Nullable String path, @Nullable String serveClient) {
        String p = path == null || path.isBlank() ? DEFAULTS.path : path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        boolean serve =
                serveClient == null
                        || serveClient.isBlank()
                        || Boolean.parseBoolean(serveClient.trim());
        return new Settings(p, serve);
    }

    /** Writes these settings into a builder. */
    public ServerOptions.Builder apply(ServerOptions.Builder builder) {
        return builder.path(path).serveClient(serveClient);
    }
}
