package io.jsocketio;

/**
 * Receives one event from a client ({@code socket.on("chat", (args, ack) -> ...)}), or one
 * server-side event from another server of the cluster ({@code namespace.on(event, ...)}).
 *
 * <p>Runs on the connection's lane: in packet order, never concurrently with another listener of
 * the same connection, once per event. An exception it throws is logged with the namespace, socket
 * id and event; the socket stays connected.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * One event arrived.
     *
     * @param args the event's arguments (the event name excluded)
     * @param ack the acknowledgement the client asked for; {@link Ack#requested()} is false when
     *     none was asked
     */
    void onEvent(Args args, Ack ack);
}
