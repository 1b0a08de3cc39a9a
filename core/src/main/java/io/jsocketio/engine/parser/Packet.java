package io.jsocketio.engine.parser;

import io.jsocketio.engine.EngineMessage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Engine.IO packet: a type and an optional payload. Only MESSAGE packets may carry binary.
 *
 * <p>Thread-safety: immutable.
 *
 * @param type the packet type
 * @param data the payload ({@code probe} for probe pings, the JSON of an open packet, a message),
 *     or null when the packet has none
 */
public record Packet(PacketType type, @Nullable EngineMessage data) {

    public Packet {
        Objects.requireNonNull(type, "type");
        if (data != null && data.isBinary() && type != PacketType.MESSAGE) {
            throw new IllegalArgumentException("only message packets carry binary: " + type);
        }
    }

    /** A packet without payload. */
    public static Packet of(PacketType type) {
        return new Packet(type, null);
    }

    /** A packet with a text payload. */
    public static Packet of(PacketType type, String text) {
        return new Packet(type, EngineMessage.text(text));
    }

    /** A message packet. */
    public static Packet message(EngineMessage data) {
        return new Packet(PacketType.MESSAGE, data);
    }

    /** Whether the payload is binary. */
    public boolean isBinary() {
        return data != null && data.isBinary();
    }
}
