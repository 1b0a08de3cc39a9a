package io.jsocketio.parser;

import io.jsocketio.engine.EngineMessage;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes Socket.IO packets into Engine.IO messages: one text message {@code
 * <type>[<n>-][<namespace>,][<id>][<json>]} followed by one binary message per attachment. The
 * namespace is written only when it is not {@code /}; the JSON is compact, keeps key order and
 * writes numbers from their exact value. Protocol v5 and v4 share this encoding.
 *
 * <p>EVENT/BINARY_EVENT and ACK/BINARY_ACK are chosen by the attachments, as Node's encoder does: a
 * packet with attachments is written as BINARY_EVENT or BINARY_ACK whichever of the pair its type
 * names, one without as EVENT or ACK.
 *
 * <p>Thread-safety: stateless; safe from any thread. The result may be sent to many sessions.
 */
public final class SocketPacketEncoder {

    private SocketPacketEncoder() {}

    /**
     * Encodes a packet: the text message, then the attachments in order.
     *
     * @throws IllegalArgumentException when the namespace contains a comma (it would end the
     *     namespace on the wire) or does not start with {@code /}, when the ack id is negative, or
     *     when a packet that cannot carry binary has attachments
     */
    public static List<EngineMessage> encode(SocketPacket packet) {
        List<byte[]> attachments = packet.attachments();
        EngineMessage text = EngineMessage.text(encodeText(packet));
        if (attachments.isEmpty()) {
            return List.of(text);
        }
        List<EngineMessage> messages = new ArrayList<>(attachments.size() + 1);
        messages.add(text);
        for (byte[] attachment : attachments) {
            messages.add(EngineMessage.binary(attachment));
        }
        return List.copyOf(messages);
    }

    /** As {@link #encode(SocketPacket)}; the encoding is the same in both protocol revisions. */
    public static List<EngineMessage> encode(SocketPacket packet, ProtocolVersion version) {
        return encode(packet);
    }

    /**
     * The text part of a packet (without the Engine.IO {@code 4}).
     *
     * @throws IllegalArgumentException as {@link #encode(SocketPacket)}
     */
    public static String encodeText(SocketPacket packet) {
        SocketPacketType type = wireType(packet);
        String namespace = packet.namespace();
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with '/': " + namespace);
        }
        if (namespace.indexOf(',') >= 0) {
            throw new IllegalArgumentException("namespace must not contain a comma: " + namespace);
        }
        StringBuilder out = new StringBuilder(32);
        out.append(type.code());
        if (type.isBinary()) {
            out.append(packet.attachments().size()).append('-');
        }
        if (!namespace.equals("/")) {
            out.append(namespace).append(',');
        }
        Long id = packet.id();
        if (id != null) {
            if (id < 0) {
                throw new IllegalArgumentException("negative ack id: " + id);
            }
            out.append(id.longValue());
        }
        JsonValue data = packet.data();
        if (data != null) {
            JsonText.write(data, out);
        }
        return out.toString();
    }

    private static SocketPacketType wireType(SocketPacket packet) {
        boolean binary = !packet.attachments().isEmpty();
        return switch (packet.type()) {
            case EVENT, BINARY_EVENT ->
                    binary ? SocketPacketType.BINARY_EVENT : SocketPacketType.EVENT;
            case ACK, BINARY_ACK -> binary ? SocketPacketType.BINARY_ACK : SocketPacketType.ACK;
            default -> {
                if (binary) {
                    throw new IllegalArgumentException(
                            packet.type() + " packets cannot carry binary attachments");
                }
                yield packet.type();
            }
        };
    }
}
