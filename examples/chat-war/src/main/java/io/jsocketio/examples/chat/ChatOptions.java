package io.jsocketio.examples.chat;

import io.jsocketio.ServerOptions;
import io.jsocketio.cdi.ServerCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Options beyond web.xml's path and serveClient. */
@ApplicationScoped
public class ChatOptions implements ServerCustomizer {
    @Override
    public void customize(ServerOptions.Builder options) {
        options.pingInterval(Duration.ofSeconds(20)).maxHttpBufferSize(64 * 1024);
    }
}
