package io.jsocketio.it.container.app;

import io.jsocketio.ServerOptions;
import io.jsocketio.cdi.ServerCustomizer;
import io.jsocketio.engine.CookieOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** The test WAR's options: Node's {@code io} session cookie. */
@ApplicationScoped
public class Options implements ServerCustomizer {
    @Override
    public void customize(ServerOptions.Builder options) {
        options.cookie(CookieOptions.defaults());
    }
}
