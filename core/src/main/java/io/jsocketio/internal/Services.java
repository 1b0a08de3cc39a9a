package io.jsocketio.internal;

import io.jsocketio.engine.StaticFiles;
import io.jsocketio.hosting.ContainerAttacher;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** Finds the service providers of the SPI on the class or module path. */
final class Services {
    private static final System.Logger LOG = System.getLogger(Services.class.getName());

    private Services() {}

    private static <S> List<S> load(Class<S> type) {
        List<S> out = new ArrayList<>();
        ServiceLoader.load(type).forEach(out::add);
        if (out.isEmpty()) {
            ServiceLoader.load(type, Services.class.getClassLoader()).forEach(out::add);
        }
        return out;
    }

    static ContainerAttacher attacherFor(Object container) {
        for (ContainerAttacher a : load(ContainerAttacher.class)) {
            if (a.supports(container)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "cannot attach to a "
                        + container.getClass().getName()
                        + ": no jsocketio transport supports it (for a ServletContext add"
                        + " io.jsocketio:jsocketio-servlet-transport and"
                        + " io.jsocketio:jsocketio-websocket-transport)");
    }

    static @Nullable StaticFiles clientBundle() {
        ClientBundle bundle = ClientBundle.shared();
        if (!bundle.isAvailable()) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "serveClient is on but io.jsocketio:jsocketio-client-dist is not on the"
                            + " class path; nothing is served");
            return null;
        }
        return bundle;
    }
}
