package io.jsocketio.cdi.internal;

import io.jsocketio.Server;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * Finds the CDI {@link Server} bean, if the application runs CDI with the jsocketio extension. The
 * CDI API is touched only inside {@link Cdi}, so a WAR without CDI never loads it.
 *
 * <p>Thread-safety: stateless.
 */
final class CdiLookup {
    private static final Logger LOG = System.getLogger(CdiLookup.class.getName());

    private CdiLookup() {}

    /** The CDI server configured with {@code settings}, or null without CDI. */
    static @Nullable Server server(Settings settings) {
        try {
            return Cdi.server(settings);
        } catch (LinkageError | IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.DEBUG, () -> "no CDI container with the jsocketio extension: " + e);
            return null;
        }
    }

    private static final class Cdi {
        static Server server(Settings settings) {
            jakarta.enterprise.inject.spi.CDI<Object> cdi =
                    jakarta.enterprise.inject.spi.CDI.current();
            cdi.getBeanManager().getExtension(SocketIoExtension.class).configure(settings);
            return cdi.select(Server.class).get();
        }
    }
}
