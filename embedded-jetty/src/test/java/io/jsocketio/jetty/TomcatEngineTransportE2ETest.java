package io.jsocketio.jetty;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.servlet.testing.EmbeddedTomcat;
import io.jsocketio.websocket.EngineTransports;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The end-to-end class on embedded Tomcat 10.1, wired as a WAR would be: WsSci first, then {@link
 * EngineTransports#install} (whose servlet mapping also lets requests reach Tomcat's WsFilter).
 */
class TomcatEngineTransportE2ETest extends EngineTransportE2ETest {

    @Override
    protected Started startServer(EngineMount mount) throws Exception {
        EmbeddedTomcat tomcat =
                EmbeddedTomcat.start(
                        "/",
                        new WsSci(),
                        (classes, servletContext) ->
                                EngineTransports.install(servletContext, mount));
        return new Started(tomcat.port(), tomcat);
    }
}
