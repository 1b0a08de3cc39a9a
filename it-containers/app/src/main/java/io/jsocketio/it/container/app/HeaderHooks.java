package io.jsocketio.it.container.app;

import io.jsocketio.Server;
import io.jsocketio.engine.EngineServer;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.security.Principal;

/**
 * Registers Engine.IO {@code initial_headers} and {@code headers} listeners on the injected server:
 * {@code X-Initial: <user or anonymous>} on handshakes, {@code X-Headers: <method>} on every
 * response that carries Engine.IO data.
 */
@WebListener
public class HeaderHooks implements ServletContextListener {

    @Inject Server io;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // mount(): the engine, created now if the servlet has not attached the server yet
        EngineServer engine = io.mount().engine();
        engine.onInitialHeaders(
                (headers, request) ->
                        headers.put(
                                "X-Initial",
                                request.userPrincipal()
                                        .map(Principal::getName)
                                        .orElse("anonymous")));
        engine.onHeaders((headers, request) -> headers.put("X-Headers", request.method()));
    }
}
