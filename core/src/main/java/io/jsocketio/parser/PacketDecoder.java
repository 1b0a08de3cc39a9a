package io.jsocketio.parser;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the Engine.IO messages of one client connection into Socket.IO packets; made by {@link
 * Parser#newDecoder()}. A decoder may keep state between messages (the default one reassembles a
 * binary packet from its text part and the attachments that follow).
 *
 * <p>Invalid input throws {@link PacketFormatException}; the server then closes the connection with
 * {@code parse error}, as Node does for any decoder error, and logs the message at DEBUG.
 *
 * <p>Thread-safety: need not be thread-safe; the server calls one decoder from one thread at a
 * time, in message order.
 */
public interface PacketDecoder {

    /**
     * Adds one Engine.IO message.
     *
     * @return the complete packet, or null while more messages are needed
     * @throws PacketFormatException when the message is not valid here; the decoder is then reset
     */
    @Nullable SocketPacket add(EngineMessage message);

    /**
     * Whether a packet was started and waits for more messages (the server bounds how long it
     * waits).
     */
    boolean isReconstructing();

    /** Drops a partly received packet (the connection closed). */
    void reset();
}
