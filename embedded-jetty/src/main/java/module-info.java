/**
 * jsocketio on embedded Jetty 12 ee10: the {@link io.jsocketio.hosting.EmbeddedServerProvider} that
 * {@code attach(port)} / {@code listen(port)} find with {@link java.util.ServiceLoader}.
 */
module io.jsocketio.jetty {
    requires io.jsocketio.core;
    requires io.jsocketio.servlet;
    requires io.jsocketio.websocket;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.eclipse.jetty.ee10.websocket.jakarta.server;
    requires static org.jspecify;

    exports io.jsocketio.jetty;

    provides io.jsocketio.hosting.EmbeddedServerProvider with
            io.jsocketio.jetty.JettyServerProvider;
}
