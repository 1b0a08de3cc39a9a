package io.jsocketio.spi;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.parser.SocketPacket;
import java.util.List;
import java.util.Objects;

/**
 * A packet with its encoded Engine.IO messages, as the server's {@link io.jsocketio.parser.Parser}
 * writes them (with the default parser: the text frame, then one binary frame per attachment). A
 * broadcast is encoded once and this same list is written to every recipient.
 *
 * <p>Thread-safety: immutable.
 *
 * @param packet the packet
 * @param messages its encoding, shared by every recipient (unmodifiable)
 */
public record EncodedPacket(SocketPacket packet, List<EngineMessage> messages) {

    public EncodedPacket {
        Objects.requireNonNull(packet, "packet");
        messages = List.copyOf(messages);
    }
}
