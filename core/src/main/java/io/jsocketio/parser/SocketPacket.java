package io.jsocketio.parser;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Socket.IO packet. Binary values are not inside {@link #data()}: each stands there as a
 * placeholder {@code {"_placeholder":true,"num":N}} and its bytes are {@code attachments().get(N)}.
 *
 * <p>Thread-safety: immutable; the attachment arrays are shared and must not be modified.
 *
 * @param type the packet type (BINARY_* exactly when there are attachments)
 * @param namespace the namespace, {@code /} by default, always starting with {@code /}
 * @param id the ack id, or null
 * @param data the JSON payload (an array for events and acks, an object or absent for connect), or
 *     null when the packet has none
 * @param attachments the binary attachments, in placeholder order
 */
public record SocketPacket(
        SocketPacketType type,
        String namespace,
        @Nullable Long id,
        @Nullable JsonValue data,
        List<byte[]> attachments) {

    public SocketPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        attachments = List.copyOf(attachments);
    }

    /** A packet without attachments. */
    public static SocketPacket of(
            SocketPacketType type, String namespace, @Nullable Long id, @Nullable JsonValue data) {
        return new SocketPacket(type, namespace, id, data, List.of());
    }
}
