package io.jsocketio.cdi.internal;

import io.jsocketio.cdi.SocketIoServlet;
import io.jsocketio.websocket.WebSocketTransport;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * Completes a {@code web.xml} registration of {@link SocketIoServlet}: reads its {@code path} and
 * {@code serveClient} init parameters, installs the WebSocket endpoint on the same path (endpoints
 * can only be added while the context initializes), keeps Weld's HTTP contexts off that path
 * ({@link WeldContextMapping}), and adds the {@link ServerHolder} that finds the server once CDI is
 * up.
 *
 * <p>Thread-safety: the container calls it once per context, on one thread.
 */
public final class SocketIoInitializer implements ServletContainerInitializer {
    private static final Logger LOG = System.getLogger(SocketIoInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ServletRegistration found = null;
        for (ServletRegistration registration : context.getServletRegistrations().values()) {
            if (SocketIoServlet.class.getName().equals(registration.getClassName())) {
                if (found != null) {
                    throw new IllegalStateException(
                            "jsocketio: more than one SocketIoServlet registered ("
                                    + found.getName()
                                    + ", "
                                    + registration.getName()
                                    + ")");
                }
                found = registration;
            }
        }
        if (found == null) {
            return;
        }
        Settings settings =
                Settings.of(found.getInitParameter("path"), found.getInitParameter("serveClient"));
        String mapping = settings.path() + "*";
        if (!found.getMappings().contains(mapping)) {
            throw new IllegalStateException(
                    "jsocketio: servlet "
                            + found.getName()
                            + " must be mapped at "
                            + mapping
                            + " to match its path init parameter; its mappings are "
                            + found.getMappings());
        }
        WeldContextMapping.excludeFromWeldContexts(context, settings.path());
        ServerHolder holder = new ServerHolder(context, settings);
        context.setAttribute(ServerHolder.ATTRIBUTE, holder);
        if (context.getAttribute(ServerContainer.class.getName()) != null) {
            WebSocketTransport.install(context, holder.deferredMount());
        } else {
            // the container's WebSocket initializer has not run yet (initializers run in no
            // fixed order): the holder registers the endpoint when the context starts
            holder.installWebSocketLater();
        }
        context.addListener(holder);
        LOG.log(
                Level.DEBUG,
                () ->
                        "jsocketio servlet "
                                + settings.path()
                                + " registered with its WebSocket endpoint");
    }
}
