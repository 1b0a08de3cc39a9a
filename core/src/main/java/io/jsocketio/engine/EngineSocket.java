package io.jsocketio.engine;

import io.jsocketio.engine.parser.Packet;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One Engine.IO session ({@code Socket} in the Node engine), as the layer above sees it: a
 * bidirectional stream of text and binary messages over whichever transport is current.
 *
 * <p>Thread-safety: safe for concurrent use. {@link #send} and {@link #close} may be called from
 * any thread. Listeners run on the session's lane ({@link #lane()}): in arrival order, never
 * concurrently, never on a container I/O thread.
 */
public interface EngineSocket {

    /** The session id ({@code sid}). */
    String id();

    /** The handshake request. */
    EngineRequest request();

    /** The Engine.IO protocol revision of this session: 4, or 3 with {@code allowEIO3}. */
    int protocol();

    /** The name of the current transport, {@code polling} or {@code websocket}. */
    String transport();

    /** Whether the session is open (not closing or closed). */
    boolean isOpen();

    /**
     * The serial lane of this session: tasks run in submission order, one at a time. Listeners of
     * this session run on it; the layer above may run its own work on it too.
     */
    Executor lane();

    /**
     * Whether a message sent now would be written without waiting behind a busy transport (for
     * polling: a poll is parked; for WebSocket: no send in flight). Volatile Socket.IO packets are
     * dropped when false. The default answers {@link #isOpen()}.
     */
    default boolean isWritable() {
        return isOpen();
    }

    /** Queues one message; sent with whatever else is queued at the next write. */
    void send(EngineMessage message);

    /** Queues several messages, kept together and in order (a packet and its attachments). */
    void send(List<EngineMessage> messages);

    /** Registers the message listener; runs on the lane, once per message, in arrival order. */
    void onMessage(MessageListener listener);

    /**
     * Registers a close listener; it runs on the lane once, after every message listener call of
     * this session. A listener registered after the session closed runs at once (on the lane) with
     * the reason the session closed with.
     */
    void onClose(CloseListener listener);

    /**
     * Adds a listener of every packet received ({@code conn.on("packet", ({type, data}) => ...)}):
     * messages, pings and pongs, the close packet. Runs on the lane, once per packet, in arrival
     * order.
     */
    void onPacket(PacketListener listener);

    /**
     * Adds a listener of every packet queued for the client ({@code conn.on("packetCreate", ...)}):
     * the open packet, messages, pings, pongs and noops. Runs on the lane, once per packet, in
     * queueing order.
     */
    void onPacketCreate(PacketListener listener);

    /**
     * Adds a listener of the transport upgrade ({@code conn.on("upgrade", transport => ...)}): it
     * runs on the lane once the session moved to the new transport, with its name ({@code
     * websocket}).
     */
    void onUpgrade(UpgradeListener listener);

    /**
     * Adds a listener of {@code drain} ({@code conn.on("drain", () => ...)}): the queued packets
     * were handed to the transport for writing. Runs on the lane, once per write.
     */
    void onDrain(Runnable listener);

    /**
     * Closes the session with {@link CloseReason#FORCED_CLOSE}: queued messages are flushed first,
     * then, over polling, the close packet {@code 1} goes out with them on the next poll; over
     * WebSocket the WebSocket is closed once they are written (as the Node server does, no {@code
     * 1} frame). Messages sent after this call are dropped. If the client does not poll again
     * within {@code min(pingInterval + pingTimeout, 30 s)} the session closes anyway. Idempotent.
     */
    void close();

    /** Receives messages. */
    @FunctionalInterface
    interface MessageListener {
        /** One message arrived. */
        void onMessage(EngineMessage message);
    }

    /** Receives Engine.IO packets, received or sent. */
    @FunctionalInterface
    interface PacketListener {
        /** One packet. */
        void onPacket(Packet packet);
    }

    /** Receives a transport upgrade. */
    @FunctionalInterface
    interface UpgradeListener {
        /**
         * The session now uses this transport.
         *
         * @param transport the new transport's name ({@code websocket})
         */
        void onUpgrade(String transport);
    }

    /** Receives the end of the session. */
    @FunctionalInterface
    interface CloseListener {
        /**
         * The session closed.
         *
         * @param reason why
         * @param description a detail (an exception message), or null
         */
        void onClose(CloseReason reason, @org.jspecify.annotations.Nullable String description);
    }
}
