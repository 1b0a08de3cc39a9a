package io.jsocketio.parser;

import io.jsocketio.engine.EngineMessage;
import java.util.List;

/**
 * How Socket.IO packets travel inside Engine.IO messages: Node's {@code parser} server option. A
 * server has one parser ({@code ServerOptions.Builder.parser}); the clients must use the matching
 * one. The default, {@link #defaultParser()}, is Socket.IO's own encoding (a text message, then one
 * binary message per attachment); {@code io.jsocketio:jsocketio-msgpack-parser} provides the
 * MessagePack one of npm {@code socket.io-msgpack-parser}.
 *
 * <p>Both directions use the same packet representation: binary values are not inside {@link
 * SocketPacket#data()} but stand there as placeholders {@code {"_placeholder":true,"num":N}} whose
 * bytes are {@code attachments().get(N)}, whatever the wire format.
 *
 * <p>Thread-safety: implementations are immutable and safe for concurrent use; {@link #encode} is
 * called from any thread (a broadcast is encoded once and the result written to every recipient).
 * Each {@link PacketDecoder} belongs to one connection.
 */
public interface Parser {

    /** The default parser: {@link SocketPacketEncoder} and {@link SocketPacketDecoder}. */
    static Parser defaultParser() {
        return DefaultParser.INSTANCE;
    }

    /**
     * Encodes one packet into the Engine.IO messages that carry it, in order. The result may be
     * sent to many connections.
     *
     * @throws IllegalArgumentException when the packet cannot be encoded (a programming error)
     */
    List<EngineMessage> encode(SocketPacket packet);

    /** A new decoder for one client connection. */
    PacketDecoder newDecoder();
}
