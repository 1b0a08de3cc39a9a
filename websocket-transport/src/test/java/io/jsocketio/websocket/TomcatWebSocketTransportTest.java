package io.jsocketio.websocket;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.servlet.testing.EmbeddedTomcat;
import org.apache.tomcat.websocket.server.WsSci;

/** The WebSocket transport on embedded Tomcat 10.1 (WsSci first, then the installer). */
class TomcatWebSocketTransportTest extends WebSocketTransportContractTest {

    @Override
    protected Started startContainer(EngineMount mount) throws Exception {
        EmbeddedTomcat tomcat =
                EmbeddedTomcat.start(
                        "/",
                        new WsSci(),
                        (classes, servletContext) ->
                                EngineTransports.install(servletContext, mount));
        return new Started(tomcat.port(), tomcat, tomcat::openConnections);
    }
}
