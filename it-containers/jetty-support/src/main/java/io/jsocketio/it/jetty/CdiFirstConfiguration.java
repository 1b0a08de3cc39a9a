package io.jsocketio.it.jetty;

import org.eclipse.jetty.ee10.webapp.AbstractConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

/**
 * Orders the servlet container initializers of every web app so that Jetty's {@code
 * CdiServletContainerInitializer} (which enables the {@code CdiDecoratingListener} asked for by the
 * {@code org.eclipse.jetty.cdi} context parameter) runs before Weld's, and the WebSocket
 * initializer before the web app's: without an explicit order, Jetty runs the server class path's
 * initializers in no fixed order. Found by Jetty through {@link java.util.ServiceLoader} and
 * enabled by default.
 *
 * <p>Thread-safety: stateless; Jetty calls it while a web app is configured.
 */
public final class CdiFirstConfiguration extends AbstractConfiguration {
    private static final String ORDER = "org.eclipse.jetty.containerInitializerOrder";

    public CdiFirstConfiguration() {
        super(new Builder().enabledByDefault(true));
    }

    @Override
    public void preConfigure(WebAppContext context) throws Exception {
        if (context.getAttribute(ORDER) == null) {
            context.setAttribute(
                    ORDER,
                    "org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer,"
                            + " org.eclipse.jetty.ee10.websocket.jakarta.server.config"
                            + ".JakartaWebSocketServletContainerInitializer, *");
        }
    }
}
