package io.jsocketio.websocket;

import io.jsocketio.engine.EngineMount;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The WebSocket transport on embedded Jetty 12 ee10. */
class JettyWebSocketTransportTest extends WebSocketTransportContractTest {

    @Override
    protected Started startContainer(EngineMount mount) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        JakartaWebSocketServletContainerInitializer.configure(
                context,
                (servletContext, container) -> EngineTransports.install(servletContext, mount));
        server.setHandler(context);
        server.start();
        return new Started(
                connector.getLocalPort(),
                server::stop,
                () -> connector.getConnectedEndPoints().size());
    }
}
