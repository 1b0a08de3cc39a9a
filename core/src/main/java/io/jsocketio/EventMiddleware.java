package io.jsocketio;

/**
 * A per-socket middleware ({@code socket.use(([event, ...args], next) => ...)}): runs for every
 * event the socket receives, before its {@link EventListener}s. {@link Next#fail(Exception)} drops
 * the event and hands the error to the socket's {@link Socket#onError error listeners}.
 *
 * <p>Runs on the connection's lane, in registration order, once per event. A middleware that throws
 * fails the event with that exception.
 */
@FunctionalInterface
public interface EventMiddleware {

    /** Decides on one event; must eventually call {@code next} exactly once. */
    void handle(String event, Args args, Next next);
}
