package io.jsocketio.cdi.beans;

import io.jsocketio.ServerOptions;
import io.jsocketio.cdi.ServerCustomizer;
import io.jsocketio.engine.testing.ManualScheduler;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs listeners on the calling thread with a manual clock, so tests are synchronous. */
@ApplicationScoped
public class TestOptions implements ServerCustomizer {
    private final ManualScheduler scheduler = new ManualScheduler();

    @Override
    public void customize(ServerOptions.Builder options) {
        options.executor(Runnable::run)
                .scheduler(scheduler)
                .connectTimeout(java.time.Duration.ofSeconds(7));
    }
}
