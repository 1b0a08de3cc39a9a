package io.jsocketio;

/**
 * Receives every event a socket receives ({@code socket.onAny}) or sends ({@code
 * socket.onAnyOutgoing}; acknowledgements excluded).
 *
 * <p>Incoming: runs on the connection's lane, before the event's own listeners and middlewares,
 * once per event. Outgoing: runs on the thread that emits, once per event sent to this socket
 * (broadcasts included). An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface AnyListener {

    /**
     * One event.
     *
     * @param event the event name
     * @param args its arguments
     */
    void onEvent(String event, Args args);
}
