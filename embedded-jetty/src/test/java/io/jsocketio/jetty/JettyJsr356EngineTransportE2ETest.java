package io.jsocketio.jetty;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import java.util.List;

/**
 * The end-to-end class on embedded Jetty without the native WebSocket: every upgrade goes through
 * the JSR-356 endpoint, as in a WAR deployed on Jetty.
 */
class JettyJsr356EngineTransportE2ETest extends EngineTransportE2ETest {

    @Override
    protected Started startServer(EngineMount mount) throws Exception {
        EmbeddedServer server =
                new JettyServerProvider(false).start("127.0.0.1", 0, List.of(mount));
        return new Started(server.port(), server);
    }
}
