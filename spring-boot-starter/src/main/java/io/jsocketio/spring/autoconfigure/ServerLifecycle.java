package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the server when the application context stops, before the web server's graceful shutdown
 * begins (a higher phase stops first): every socket is disconnected with the {@code server shutting
 * down} reason and the parked long-polling requests complete, so clients see the disconnect and
 * graceful shutdown does not wait for them.
 *
 * <p>Thread-safety: Spring calls start and stop on one thread; {@link Server#close()} is
 * idempotent.
 */
final class ServerLifecycle implements SmartLifecycle {
    /** Above Spring Boot's {@code WebServerGracefulShutdownLifecycle} (DEFAULT_PHASE - 1024). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final Server server;
    private volatile boolean running;

    ServerLifecycle(Server server) {
        this.server = server;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        server.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
