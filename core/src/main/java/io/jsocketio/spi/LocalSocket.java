package io.jsocketio.spi;

import io.jsocketio.Args;
import io.jsocketio.Socket;
import java.util.function.Consumer;

/**
 * What an adapter may do with a socket connected to this server, beyond the public {@link Socket}
 * API: write an already encoded packet and wait for an acknowledgement under a given id.
 *
 * <p>Thread-safety: safe for concurrent use from any thread.
 */
public interface LocalSocket {

    /** The socket. */
    Socket socket();

    /** The socket id. */
    default String id() {
        return socket().id();
    }

    /**
     * Notifies the socket's outgoing listeners and writes the packet's shared messages to its
     * connection (dropped when volatile and the connection cannot take it now, or when closed).
     */
    void write(EncodedPacket packet, BroadcastFlags flags);

    /**
     * Routes the client's acknowledgement with this id to {@code ack} (on the connection's lane),
     * once.
     */
    void registerAck(long ackId, Consumer<Args> ack);

    /** Forgets a pending acknowledgement (after a broadcast timed out). */
    void removeAck(long ackId);
}
