package io.jsocketio;

/**
 * A namespace middleware ({@code io.use((socket, next) => ...)}): runs for every socket that asks
 * to join the namespace, before {@code connection}. Call {@link Next#proceed()} to admit it or
 * {@link Next#fail(Exception)} (typically with a {@link ConnectError}) to refuse it.
 *
 * <p>Runs on the connection's lane, in registration order, once per connection attempt. The socket
 * is not connected yet: it cannot emit, but may {@link Socket#join join} rooms and set its {@link
 * Socket#data(Object) data}. A middleware that throws refuses the socket with the exception's
 * message.
 */
@FunctionalInterface
public interface Middleware {

    /** Decides on {@code socket}; must eventually call {@code next} exactly once. */
    void handle(Socket socket, Next next);
}
