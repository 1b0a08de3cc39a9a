package io.jsocketio.spring;

import io.jsocketio.ServerOptions;

/**
 * A bean that adjusts the options of the auto-configured {@link io.jsocketio.Server} after the
 * {@code jsocketio.*} properties are applied: the options that have no property (an {@code
 * allowRequest} hook, an {@code executor}, the {@code origins} function, ...).
 *
 * <pre>{@code
 * @Bean ServerCustomizer slowPings() { return options -> options.pingInterval(Duration.ofSeconds(60)); }
 * }</pre>
 *
 * <p>Thread-safety: called once, on the thread that creates the server bean, in {@code @Order}.
 */
@FunctionalInterface
public interface ServerCustomizer {
    /** Adjusts the options; called once. */
    void customize(ServerOptions.Builder options);
}
