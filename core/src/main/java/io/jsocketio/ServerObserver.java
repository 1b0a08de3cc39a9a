package io.jsocketio;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket;
import java.time.Duration;
import java.util.List;

/**
 * Observes a server for monitoring: what the Admin UI and the metrics modules use, registered with
 * {@link Server#observe(ServerObserver)}. It reports what the public API does not show otherwise;
 * the rest is there already ({@link EngineSocket#onMessage} and {@link EngineSocket#onClose} for
 * inbound messages and closes, {@link Socket#onAny}, {@link Socket#onAnyOutgoing}, {@link
 * Socket#onDisconnect}, {@link io.jsocketio.spi.RoomListener}, {@link
 * io.jsocketio.engine.EngineServer#onConnectionError}). Every method does nothing by default.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use. Each method states its thread;
 * all must be quick and must not block (they run on connection lanes and emitting threads). An
 * exception thrown by an observer is logged at WARNING and ignored.
 */
public interface ServerObserver {

    /**
     * A new Engine.IO session became a client of the server, before any of its sockets exists. Runs
     * on the session's lane, once per session. Register {@link EngineSocket#onMessage} and {@link
     * EngineSocket#onClose} here to see its inbound messages and its end.
     */
    default void onConnection(EngineSocket conn) {}

    /**
     * The Engine.IO messages of one Socket.IO packet are being written to a session (the text
     * message, then one binary message per attachment): counted as the Node engine's {@code
     * packetCreate} events, so dropped volatile packets and packets for a closed session are not
     * reported. Runs on the emitting thread, once per packet and recipient (a broadcast reports
     * each recipient).
     */
    default void onMessagesOut(EngineSocket conn, List<EngineMessage> messages) {}

    /**
     * A socket joined its namespace: runs on its connection's lane after the CONNECT reply was
     * queued and before the namespace's {@code connection} listeners, once per socket.
     */
    default void onSocketConnect(Socket socket) {}

    /**
     * A namespace refused a connection (a middleware failed, or the namespace does not exist): the
     * CONNECT_ERROR packet with {@code message} is being sent. Runs on the connection's lane.
     */
    default void onConnectError(EngineSocket conn, String namespace, String message) {}

    /**
     * A client acknowledged an event the server sent to {@code socket} with an acknowledgement
     * callback (one socket, or each socket of a broadcast), {@code latency} after the emit
     * (measured with {@link System#nanoTime()}). Runs on the connection's lane, before the
     * callback.
     */
    default void onAck(Socket socket, Duration latency) {}

    /**
     * An acknowledgement the server asked of one socket ({@code socket.timeout(d).emit(...)}) did
     * not come within {@code timeout}. Runs on the connection's lane, before the callback gets its
     * {@link AckTimeoutException}.
     */
    default void onAckTimeout(Socket socket, Duration timeout) {}

    /**
     * The size of a message as the Node engine's observers count it ({@code Buffer.byteLength} of a
     * packet's data): the UTF-8 length of a text message, the length of a binary one.
     */
    static long byteLength(EngineMessage message) {
        if (message.isBinary()) {
            return message.binary().length;
        }
        String s = message.text();
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
