package io.jsocketio.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import java.util.List;

/** The end-to-end class on embedded Jetty, started through the ServiceLoader provider. */
class JettyEngineTransportE2ETest extends EngineTransportE2ETest {

    @Override
    protected Started startServer(EngineMount mount) throws Exception {
        EmbeddedServerProvider provider = EmbeddedServerProvider.load();
        assertThat(provider).isInstanceOf(JettyServerProvider.class);
        EmbeddedServer server = provider.start("127.0.0.1", 0, List.of(mount));
        return new Started(server.port(), server);
    }
}
